package org.provkit.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/** Checks an RFC 3161 token: its signature, its authority's certificate, and what it stamps. */
final class TimestampCheck {

    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private TimestampCheck() {
    }

    /** The authority's certificate carried in the token, or null. */
    static X509Certificate authorityCertificate(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        return matches.isEmpty() ? null : KeyFiles.toX509(matches.iterator().next());
    }

    /**
     * Problems with a token that should stamp {@code stampedBytes} (empty when it is good):
     * the token's signature verifies with the authority certificate it carries, that certificate has
     * the critical id-kp-timeStamping usage and was valid at the token's time, and the message
     * imprint is the digest of {@code stampedBytes}.
     */
    static List<String> validate(TimeStampToken token, byte[] stampedBytes) {
        List<String> problems = new ArrayList<>();
        String algorithm = DIGESTS.get(token.getTimeStampInfo().getMessageImprintAlgOID());
        if (algorithm == null) {
            problems.add("the timestamp uses digest " + token.getTimeStampInfo().getMessageImprintAlgOID()
                    + "; provkit accepts SHA-256, SHA-384 and SHA-512");
        } else if (!MessageDigest.isEqual(digest(algorithm, stampedBytes), token.getTimeStampInfo().getMessageImprintDigest())) {
            problems.add("the timestamp stamps other bytes than this signature's value");
        }
        problems.addAll(validateSignature(token));
        return problems;
    }

    /** Like {@link #validate} for a token requested over a known SHA-256 imprint. */
    static List<String> validateToken(TimeStampToken token, byte[] sha256Imprint) {
        List<String> problems = new ArrayList<>();
        if (!NISTObjectIdentifiers.id_sha256.equals(token.getTimeStampInfo().getMessageImprintAlgOID())
                || !MessageDigest.isEqual(sha256Imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
            problems.add("the timestamp stamps other bytes than the ones sent");
        }
        problems.addAll(validateSignature(token));
        return problems;
    }

    private static List<String> validateSignature(TimeStampToken token) {
        X509Certificate authority = authorityCertificate(token);
        if (authority == null) {
            return List.of("the timestamp carries no certificate of its authority");
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
            return List.of();
        } catch (Exception e) {
            return List.of("the timestamp by '" + CertificateInfo.name(authority.getSubjectX500Principal()) + "' is not valid: "
                    + Problems.reason(e));
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }
}
