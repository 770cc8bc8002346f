package org.provkit.sign;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks a detached CMS signature (and any embedded RFC 3161 token) over signed content.
 *
 * <p>What the flags of {@link SignatureCheck} mean:
 * <ul>
 * <li>{@code valid}: there is exactly one signer, its signature verifies over the content with the
 * certificate embedded in the signature, the digest is SHA-2, and the signer certificate was valid
 * at the reference time: the timestamp's time when a valid (and, with trust anchors, trusted) token
 * proves when the signature existed, else now. Without a timestamp an expired certificate makes the
 * signature invalid, as for {@code openssl cms -verify}: timestamps are how signatures outlive keys.</li>
 * <li>{@code trusted}: null without trust anchors; else whether the signer certificate is an anchor
 * or chains to one, valid at the reference time.</li>
 * <li>{@code timestampValid}: null without a token; else whether the token is valid (its signature,
 * its authority's critical timeStamping usage and validity at its time, its imprint equals the
 * digest of the signature value) and, with trust anchors, its authority chains to one of them.</li>
 * <li>{@code problems}: one sentence for every flag that is false, nothing else.</li>
 * </ul>
 * Never throws for bad input: a damaged or foreign signature is a result, not an exception.
 */
public final class SignatureVerifier {

    private SignatureVerifier() {
    }

    /** @param trust a certificate file or folder of certificates; null for no trust decision */
    public static SignatureCheck verify(byte[] signedContent, byte[] cmsDer, Path trust) {
        return verify(signedContent, cmsDer, trust, Instant.now());
    }

    /**
     * The same with trust anchors loaded once (e.g. by {@code audit} for many bundles).
     *
     * @param anchors from {@link TrustAnchors#load}; null for no trust decision
     */
    public static SignatureCheck verifyAgainst(byte[] signedContent, byte[] cmsDer, TrustAnchors anchors) {
        return verify(signedContent, cmsDer, anchors != null, anchors, null, Instant.now());
    }

    static SignatureCheck verify(byte[] signedContent, byte[] cmsDer, Path trust, Instant now) {
        if (trust == null) {
            return verify(signedContent, cmsDer, false, null, null, now);
        }
        try {
            return verify(signedContent, cmsDer, true, TrustAnchors.load(trust), null, now);
        } catch (IOException | RuntimeException e) {
            return verify(signedContent, cmsDer, true, null,
                    "cannot read trusted certificates from " + trust + ": " + Problems.reason(e), now);
        }
    }

    private static SignatureCheck verify(byte[] signedContent, byte[] cmsDer, boolean trustRequested, TrustAnchors anchors,
            String trustProblem, Instant now) {
        try {
            return check(signedContent, cmsDer, trustRequested, anchors, trustProblem, now);
        } catch (RuntimeException e) {
            // BouncyCastle parses lazily: damage deep inside the structure surfaces as runtime exceptions.
            return new SignatureCheck(false, null, null, trustRequested ? Boolean.FALSE : null, null, null,
                    List.of("the signature file is damaged (" + Problems.reason(e) + ")"));
        }
    }

    private static SignatureCheck check(byte[] signedContent, byte[] cmsDer, boolean trustRequested, TrustAnchors anchors,
            String trustProblem, Instant now) {
        List<String> problems = new ArrayList<>();
        Boolean untrusted = trustRequested ? Boolean.FALSE : null;
        CMSSignedData signed;
        Collection<SignerInformation> signers;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(signedContent), cmsDer);
            signers = signed.getSignerInfos().getSigners();
        } catch (Exception e) {
            problems.add("the signature file is not a CMS signature (" + Problems.reason(e) + ")");
            return new SignatureCheck(false, null, null, untrusted, null, null, problems);
        }
        // Parsers forgive some damage (a SET tag read as a SEQUENCE, a length in long form): the file must
        // be exactly the DER encoding of what was parsed, as every signer writes it.
        boolean canonical;
        try {
            canonical = java.util.Arrays.equals(signed.toASN1Structure().getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER), cmsDer);
        } catch (Exception e) {
            canonical = false;
        }
        if (!canonical) {
            problems.add("the signature file is not in DER form: damaged or edited");
            return new SignatureCheck(false, null, null, untrusted, null, null, problems);
        }
        if (signers.size() != 1) {
            problems.add("the signature has " + signers.size() + " signers; a bundle signature has exactly one");
            return new SignatureCheck(false, null, null, untrusted, null, null, problems);
        }
        SignerInformation signer = signers.iterator().next();
        Optional<String> malformed = CmsStructure.whyMalformed(signed, signer);
        if (malformed.isPresent()) {
            problems.add("the signature file is damaged or edited: " + malformed.get());
            return new SignatureCheck(false, null, null, untrusted, null, null, problems);
        }
        List<X509Certificate> embedded = embeddedCertificates(signed);
        X509Certificate certificate = signerCertificate(signed, signer);
        if (certificate == null) {
            problems.add("the signature does not carry its signer's certificate");
            return new SignatureCheck(false, null, null, untrusted, null, null, problems);
        }
        CertificateInfo info = CertificateInfo.of(certificate);
        boolean valid = verifySignatureValue(signer, certificate, problems);
        if (!embeddedCertificatesIntact(embedded, problems)) {
            valid = false;
        }
        if (!isSha2(signer.getDigestAlgOID())) {
            problems.add("the signature uses digest " + signer.getDigestAlgOID() + "; provkit accepts SHA-256, SHA-384, SHA-512");
            valid = false;
        }

        if (trustProblem != null) {
            problems.add(trustProblem);
        }

        Instant timestamp = null;
        Boolean timestampValid = null;
        TimeStampToken token = null;
        try {
            token = timestampToken(signer);
        } catch (Exception e) {
            timestampValid = false;
            problems.add("the embedded timestamp cannot be read (" + Problems.reason(e) + ")");
        }
        if (token != null) {
            timestamp = token.getTimeStampInfo().getGenTime().toInstant();
            List<String> tokenProblems = new ArrayList<>(TimestampCheck.validate(token, signer.getSignature()));
            CmsStructure.whyMalformed(token.toCMSSignedData(), token.toCMSSignedData().getSignerInfos().getSigners().iterator().next())
                    .ifPresent(why -> tokenProblems.add("the embedded timestamp is damaged or edited: " + why));
            if (tokenProblems.isEmpty() && anchors != null) {
                X509Certificate authority = TimestampCheck.authorityCertificate(token);
                anchors.whyNotTrusted(authority, tokenCertificates(token), timestamp)
                        .ifPresent(why -> tokenProblems.add("the time-stamping authority is not trusted: " + why));
            }
            if (trustRequested && anchors == null) {
                tokenProblems.add("the time-stamping authority cannot be trusted without readable trust anchors");
            }
            timestampValid = tokenProblems.isEmpty();
            problems.addAll(tokenProblems);
        }

        Instant reference = Boolean.TRUE.equals(timestampValid) ? timestamp : now;
        Optional<String> expiry = TrustAnchors.validAt(certificate, reference);
        if (expiry.isPresent()) {
            valid = false;
            problems.add("signer " + expiry.get() + (Boolean.TRUE.equals(timestampValid) ? " (the time of its timestamp)"
                    : "; no valid timestamp proves the signature was made earlier"));
        }

        Boolean trusted = null;
        if (trustRequested) {
            trusted = false;
            if (anchors != null) {
                Optional<String> why = anchors.whyNotTrusted(certificate, embedded, reference);
                trusted = why.isEmpty();
                // An expired signer was already reported above; do not say it twice.
                why.filter(reason -> !reason.equals(expiry.orElse(null)))
                        .ifPresent(reason -> problems.add("signer is not trusted: " + reason));
            }
        }
        return new SignatureCheck(valid, info.subject(), info.fingerprintSha256(), trusted, timestamp, timestampValid,
                List.copyOf(problems));
    }

    private static boolean verifySignatureValue(SignerInformation signer, X509Certificate certificate, List<String> problems) {
        try {
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            if (!ok) {
                problems.add("the signature value does not verify with the signer's certificate");
            }
            return ok;
        } catch (CMSSignerDigestMismatchException e) {
            problems.add("the signed file was changed after signing (its digest does not match the signature)");
        } catch (CMSVerifierCertificateNotValidException e) {
            problems.add("the signer's certificate was not valid at the signing time the signature states");
        } catch (Exception e) {
            problems.add("the signature does not verify (" + Problems.reason(e) + ")");
        }
        return false;
    }

    /**
     * Every embedded certificate whose issuer is also embedded (or which issued itself) must carry a
     * signature that verifies: a damaged certificate is a damaged signature file, even where the CMS
     * signature value itself still checks out.
     */
    private static boolean embeddedCertificatesIntact(List<X509Certificate> embedded, List<String> problems) {
        boolean intact = true;
        for (X509Certificate certificate : embedded) {
            for (X509Certificate issuer : embedded) {
                if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    continue;
                }
                try {
                    certificate.verify(issuer.getPublicKey());
                } catch (java.security.GeneralSecurityException | RuntimeException e) {
                    problems.add("the embedded certificate " + certificate.getSubjectX500Principal().getName()
                            + " was altered: its signature does not verify");
                    intact = false;
                }
                break;
            }
        }
        return intact;
    }

    private static boolean isSha2(String oid) {
        return NISTObjectIdentifiers.id_sha256.getId().equals(oid) || NISTObjectIdentifiers.id_sha384.getId().equals(oid)
                || NISTObjectIdentifiers.id_sha512.getId().equals(oid);
    }

    private static X509Certificate signerCertificate(CMSSignedData signed, SignerInformation signer) {
        X509CertificateHolder match = CmsStructure.exactSignerCertificate(signed, signer);
        if (match == null) {
            return null;
        }
        try {
            return KeyFiles.toX509(match);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<X509Certificate> embeddedCertificates(CMSSignedData signed) {
        List<X509Certificate> result = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> all = signed.getCertificates().getMatches(null);
        for (X509CertificateHolder holder : all) {
            try {
                result.add(KeyFiles.toX509(holder));
            } catch (RuntimeException e) {
                // A certificate Java cannot parse cannot be part of a chain either.
            }
        }
        return result;
    }

    private static List<X509Certificate> tokenCertificates(TimeStampToken token) {
        List<X509Certificate> result = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
        for (X509CertificateHolder holder : all) {
            result.add(KeyFiles.toX509(holder));
        }
        return result;
    }

    /** The first id-aa-signatureTimeStampToken of the signer, or null when it has none. */
    private static TimeStampToken timestampToken(SignerInformation signer) throws Exception {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned == null) {
            return null;
        }
        Attribute attribute = unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        return new TimeStampToken(ContentInfo.getInstance(value));
    }
}
