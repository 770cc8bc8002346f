package org.provkit.spark;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.provkit.sign.KeyFiles;
import org.provkit.sign.KeyType;

/** An institution's signing CA for tests: key and certificate written as PEM files. */
record TestKeys(Path key, Path cert, X509Certificate certificate) {

    static TestKeys institution(Path dir, boolean ca) throws Exception {
        KeyPair keys = KeyType.EC.generate();
        X500Name name = new X500Name("CN=Example Archive Signing CA, O=Example Archive");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), name, keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                ? KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        Path key = dir.resolve(ca ? "institution-key.pem" : "plain-key.pem");
        Path cert = dir.resolve(ca ? "institution.pem" : "plain.pem");
        KeyFiles.writePrivateKey(key, keys.getPrivate(), Optional.empty());
        KeyFiles.writeCertificates(cert, List.of(certificate));
        return new TestKeys(key, cert, certificate);
    }
}
