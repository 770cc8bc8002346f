package org.provkit.sign;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;

/**
 * The fields of a CMS SignedData that no signature covers, checked against what RFC 5652 prescribes.
 *
 * <p>BouncyCastle verifies the signature value and the signed attributes but ignores the ContentInfo
 * content type, the version numbers and the digestAlgorithms set, and matches the signer's
 * certificate by a case-insensitive comparison of names. A bit flipped in any of those would leave
 * the signature "valid"; a preservation tool must see every changed byte, so each of them must be
 * exactly what a conforming signer writes.
 */
final class CmsStructure {

    private CmsStructure() {
    }

    /** Why the unsigned structure is not what RFC 5652 prescribes; empty when it is. */
    static Optional<String> whyMalformed(CMSSignedData signed, SignerInformation signer) {
        if (!CMSObjectIdentifiers.signedData.equals(signed.toASN1Structure().getContentType())) {
            return Optional.of("its content type is " + signed.toASN1Structure().getContentType() + ", not signed-data");
        }
        SignedData structure = SignedData.getInstance(signed.toASN1Structure().getContent());
        boolean keyIdentifier = signer.getSID().getSubjectKeyIdentifier() != null;
        int signerVersion = keyIdentifier ? 3 : 1;
        if (signer.getVersion() != signerVersion) {
            return Optional.of("its signer-info version is " + signer.getVersion() + ", RFC 5652 requires " + signerVersion);
        }
        int signedDataVersion = expectedSignedDataVersion(signed, structure, signerVersion);
        if (structure.getVersion().intValueExact() != signedDataVersion) {
            return Optional.of("its signed-data version is " + structure.getVersion() + ", RFC 5652 requires " + signedDataVersion);
        }
        Set<AlgorithmIdentifier> declared = new HashSet<>();
        for (var algorithm : structure.getDigestAlgorithms()) {
            declared.add(AlgorithmIdentifier.getInstance(algorithm));
        }
        if (!declared.equals(Set.of(signer.getDigestAlgorithmID()))) {
            return Optional.of("its list of digest algorithms does not match its signer's (" + signer.getDigestAlgOID() + ")");
        }
        if (looseSignerMatch(signed, signer) && exactSignerCertificate(signed, signer) == null) {
            return Optional.of("its signer identifier does not match the embedded certificate exactly");
        }
        return Optional.empty();
    }

    /**
     * The embedded certificate whose issuer name (byte for byte) and serial number, or subject key
     * identifier, are the signer's; null when none is.
     */
    static X509CertificateHolder exactSignerCertificate(CMSSignedData signed, SignerInformation signer) {
        SignerId sid = signer.getSID();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> candidates = signed.getCertificates().getMatches(sid);
        for (X509CertificateHolder candidate : candidates) {
            if (sid.getSubjectKeyIdentifier() != null || sameEncoding(sid, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean looseSignerMatch(CMSSignedData signed, SignerInformation signer) {
        return !signed.getCertificates().getMatches(signer.getSID()).isEmpty();
    }

    private static boolean sameEncoding(SignerId sid, X509CertificateHolder certificate) {
        try {
            return sid.getIssuer() != null && sid.getSerialNumber() != null
                    && sid.getSerialNumber().equals(certificate.getSerialNumber())
                    && Arrays.equals(sid.getIssuer().getEncoded(ASN1Encoding.DER),
                            certificate.getIssuer().getEncoded(ASN1Encoding.DER));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * RFC 5652 §5.1 for a SignedData whose certificates are all X.509 and whose revocation data are
     * all CRLs (the only kinds provkit reads): 3 when a signer uses a key identifier or the content is
     * not id-data, else 1. Anything else yields -1, which never matches.
     */
    private static int expectedSignedDataVersion(CMSSignedData signed, SignedData structure, int signerVersion) {
        if (!onlyPlainCertificates(structure.getCertificates()) || !onlyPlainCertificates(structure.getCRLs())) {
            return -1;
        }
        boolean idData = CMSObjectIdentifiers.data.getId().equals(signed.getSignedContentTypeOID());
        return signerVersion == 3 || !idData ? 3 : 1;
    }

    private static boolean onlyPlainCertificates(ASN1Set set) {
        if (set == null) {
            return true;
        }
        for (var element : set) {
            // Other certificate formats and attribute certificates are context-tagged choices.
            if (element instanceof org.bouncycastle.asn1.ASN1TaggedObject) {
                return false;
            }
        }
        return true;
    }
}
