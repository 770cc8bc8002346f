package org.provkit.sign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import com.sun.net.httpserver.HttpServer;

/**
 * An RFC 3161 time-stamping authority for tests, built with BouncyCastle and served over HTTP on
 * 127.0.0.1 (a free port). Its certificate (EC P-256, critical id-kp-timeStamping) is issued by its
 * own root CA, {@link #caCertPem()}, which is what {@code openssl ts -verify -CAfile} and
 * {@code --trust} need. Times come from {@link #setTime}, "now" by default.
 *
 * <pre>
 * try (LocalTsa tsa = LocalTsa.start()) { ... new HttpTimestampAuthority(tsa.url()) ... }
 * </pre>
 */
public final class LocalTsa implements AutoCloseable {

    private static final ASN1ObjectIdentifier TEST_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1");

    private final HttpServer server;
    private final X509Certificate caCertificate;
    private final X509Certificate tsaCertificate;
    private final TimeStampTokenGenerator tokens;
    private final AtomicLong serial = new AtomicLong(1);
    private final AtomicLong requests = new AtomicLong();
    private volatile Supplier<Instant> clock = Instant::now;
    private volatile int failWithStatus;

    private LocalTsa(HttpServer server, X509Certificate caCertificate, X509Certificate tsaCertificate,
            TimeStampTokenGenerator tokens) {
        this.server = server;
        this.caCertificate = caCertificate;
        this.tsaCertificate = tsaCertificate;
        this.tokens = tokens;
    }

    public static LocalTsa start() {
        try {
            Instant now = Instant.now();
            KeyPair caKeys = KeyType.EC.generate();
            X509Certificate ca = TestCertificates.issue(caKeys, caKeys, null, "CN=provkit test TSA root,O=provkit tests",
                    now.minus(Duration.ofDays(3650)), now.plus(Duration.ofDays(3650)), TestCertificates.Role.CA);
            KeyPair tsaKeys = KeyType.EC.generate();
            X509Certificate tsa = TestCertificates.issue(tsaKeys, caKeys, ca, "CN=provkit test TSA,O=provkit tests",
                    now.minus(Duration.ofDays(3000)), now.plus(Duration.ofDays(3000)), TestCertificates.Role.TSA);
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder()
                            .build("SHA256withECDSA", tsaKeys.getPrivate(), tsa),
                    new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build()
                            .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                    TEST_POLICY);
            generator.addCertificates(new JcaCertStore(List.of(tsa)));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalTsa local = new LocalTsa(server, ca, tsa, generator);
            server.createContext("/tsa", exchange -> {
                try (exchange) {
                    local.requests.incrementAndGet();
                    if (local.failWithStatus != 0) {
                        exchange.sendResponseHeaders(local.failWithStatus, -1);
                        return;
                    }
                    byte[] body;
                    try (InputStream in = exchange.getRequestBody()) {
                        body = in.readAllBytes();
                    }
                    byte[] answer = local.answer(body);
                    exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            });
            server.start();
            return local;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local TSA", e);
        }
    }

    private synchronized byte[] answer(byte[] body) throws IOException {
        try {
            TimeStampRequest request = new TimeStampRequest(body);
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            TimeStampResponse response = responses.generate(request, BigInteger.valueOf(serial.getAndIncrement()),
                    Date.from(clock.get()));
            return response.getEncoded();
        } catch (Exception e) {
            throw new IOException("bad time-stamp request", e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    /** The root CA that issued the TSA certificate, as PEM. */
    public String caCertPem() {
        return new String(KeyFiles.toPem(List.of(caCertificate)), StandardCharsets.US_ASCII);
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    public X509Certificate tsaCertificate() {
        return tsaCertificate;
    }

    /** The time the next tokens state. */
    public void setTime(Instant time) {
        this.clock = () -> time;
    }

    /** Answer every request with this HTTP status and no body (0: answer normally). */
    public void failWith(int httpStatus) {
        this.failWithStatus = httpStatus;
    }

    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
