package org.provkit.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The certificates a user trusts ({@code --trust CERT|DIR}): a PEM file with any number of
 * certificates, a DER file, or a folder of such files ({@code .pem .crt .cer .der}). A certificate
 * is trusted when it is one of them or a PKIX path leads from it to one of them.
 */
public record TrustAnchors(List<X509Certificate> certificates) {

    private static final Set<String> EXTENSIONS = Set.of("pem", "crt", "cer", "der");

    public TrustAnchors {
        certificates = List.copyOf(certificates);
    }

    /** Loads anchors; an IOException names what could not be read or held no certificate. */
    public static TrustAnchors load(Path trust) throws IOException {
        List<X509Certificate> found = new ArrayList<>();
        if (Files.isDirectory(trust)) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(trust)) {
                files = listing.filter(Files::isRegularFile).filter(TrustAnchors::hasCertificateExtension).sorted().toList();
            }
            for (Path file : files) {
                found.addAll(KeyFiles.parseCertificates(Files.readAllBytes(file)));
            }
            if (found.isEmpty()) {
                throw new IOException("no certificate (.pem .crt .cer .der) in trust folder " + trust);
            }
        } else {
            found.addAll(KeyFiles.parseCertificates(Files.readAllBytes(trust)));
            if (found.isEmpty()) {
                throw new IOException("trust file " + trust + " holds no certificate (PEM or DER)");
            }
        }
        return new TrustAnchors(found);
    }

    private static boolean hasCertificateExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /**
     * Why {@code target} is not trusted at {@code at}, or empty when it is: it is an anchor itself
     * (valid at that time), or a PKIX path (revocation not checked: archives outlive CRLs) leads from it
     * through {@code intermediates} to an anchor, every certificate valid at that time.
     */
    public Optional<String> whyNotTrusted(X509Certificate target, Collection<X509Certificate> intermediates, Instant at) {
        for (X509Certificate anchor : certificates) {
            if (sameCertificate(anchor, target)) {
                return validAt(target, at);
            }
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate anchor : certificates) {
                anchors.add(new TrustAnchor(anchor, null));
            }
            X509CertSelector selector = new X509CertSelector();
            selector.setCertificate(target);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, selector);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> pool = new ArrayList<>(intermediates);
            pool.add(target);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            Optional<String> validity = validAt(target, at);
            if (validity.isPresent()) {
                return validity;
            }
            return Optional.of("no chain from '" + CertificateInfo.name(target.getSubjectX500Principal())
                    + "' to a trusted certificate (" + Problems.reason(e) + ")");
        }
    }

    static Optional<String> validAt(X509Certificate certificate, Instant at) {
        String subject = CertificateInfo.name(certificate.getSubjectX500Principal());
        try {
            certificate.checkValidity(Date.from(at));
            return Optional.empty();
        } catch (CertificateExpiredException e) {
            return Optional.of("certificate '" + subject + "' expired on " + certificate.getNotAfter().toInstant()
                    + ", before " + at);
        } catch (CertificateNotYetValidException e) {
            return Optional.of("certificate '" + subject + "' was not yet valid at " + at + " (valid from "
                    + certificate.getNotBefore().toInstant() + ")");
        }
    }

    private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
