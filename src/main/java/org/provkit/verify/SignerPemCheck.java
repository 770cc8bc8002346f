package org.provkit.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code signature/signer.pem} is a convenience copy of the certificates inside the {@code .p7s}, and no
 * manifest covers it: it must be exactly those certificates, in canonical PEM, so that a reader who
 * trusts it (e.g. as openssl's {@code -CAfile}) reads what the signature carries.
 */
final class SignerPemCheck {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private SignerPemCheck() {
    }

    /** A sentence saying what is wrong, or empty when the file is a faithful copy. */
    static Optional<String> problem(byte[] pem, byte[] p7s) {
        String text = new String(pem, StandardCharsets.US_ASCII).replace("\r\n", "\n");
        List<byte[]> certificates = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, at);
            if (begin < 0) {
                break;
            }
            int end = text.indexOf(END, begin);
            if (end < 0) {
                return Optional.of("a certificate in it has no end line");
            }
            String body = text.substring(begin + BEGIN.length(), end).replace("\n", "");
            try {
                certificates.add(Base64.getDecoder().decode(body));
            } catch (IllegalArgumentException e) {
                return Optional.of("a certificate in it is not valid base64");
            }
            at = end + END.length();
        }
        if (certificates.isEmpty()) {
            return Optional.of("holds no certificate");
        }
        StringBuilder canonical = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] der : certificates) {
            if (indexOf(p7s, der) < 0) {
                return Optional.of("holds a certificate that is not in the signature");
            }
            canonical.append(BEGIN).append('\n').append(encoder.encodeToString(der)).append('\n').append(END).append('\n');
        }
        if (!canonical.toString().equals(text)) {
            return Optional.of("differs from a plain PEM copy of the signature's certificates (damaged or edited)");
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
