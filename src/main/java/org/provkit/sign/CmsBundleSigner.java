package org.provkit.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/**
 * Signs a tag manifest as a detached CMS SignedData (SHA-256, signer chain embedded, DER) and, with
 * a time-stamping authority, adds an RFC 3161 token over the signature value as the unsigned
 * attribute id-aa-signatureTimeStampToken (RFC 3161 appendix A).
 *
 * <p>Files produced, for {@code signature/}:
 * <ul>
 * <li>{@value #SIGNATURE_FILE}: the CMS signature (DER);</li>
 * <li>{@value #CHAIN_FILE}: the signer's certificate chain, signer first (PEM);</li>
 * <li>{@value #TIMESTAMP_FILE}: only with a TSA, the authority's whole TimeStampResp (DER), checkable
 * with {@code openssl ts -verify -in FILE -digest SHA256-OF-SIGNATURE-VALUE -CAfile TSA-CA.pem}
 * (the same token is inside the .p7s).</li>
 * </ul>
 */
public final class CmsBundleSigner implements BundleSigner {

    public static final String SIGNATURE_FILE = "tagmanifest-sha512.txt.p7s";
    public static final String CHAIN_FILE = "signer.pem";
    public static final String TIMESTAMP_FILE = "tagmanifest-sha512.txt.p7s.tsr";

    private final SigningKey key;
    private final Optional<TimestampAuthority> tsa;
    private final Clock clock;

    public CmsBundleSigner(SigningKey key, Optional<TimestampAuthority> tsa) {
        this(key, tsa, Clock.systemUTC());
    }

    /** @param clock the signing time written into the signature (tests sign "in the past") */
    CmsBundleSigner(SigningKey key, Optional<TimestampAuthority> tsa, Clock clock) {
        this.key = key;
        this.tsa = tsa;
        this.clock = clock;
    }

    public SigningKey key() {
        return key;
    }

    @Override
    public SignatureFiles sign(byte[] tagManifestSha512) throws IOException {
        CMSSignedData signed = signDetached(tagManifestSha512);
        SortedMap<String, byte[]> files = new TreeMap<>();
        Instant timestamp = null;
        if (tsa.isPresent()) {
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            TimeStampResponse response = requestTimestamp(tsa.get(), signer.getSignature());
            TimeStampToken token = response.getTimeStampToken();
            Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(token.toCMSSignedData().toASN1Structure()));
            SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attribute));
            signed = CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
            files.put(TIMESTAMP_FILE, response.getEncoded());
            timestamp = token.getTimeStampInfo().getGenTime().toInstant();
        }
        files.put(SIGNATURE_FILE, signed.getEncoded(ASN1Encoding.DER));
        files.put(CHAIN_FILE, KeyFiles.toPem(key.chain()));
        CertificateInfo info = key.info();
        return new SignatureFiles(files, info.subject(), info.fingerprintSha256(), timestamp);
    }

    private CMSSignedData signDetached(byte[] content) throws IOException {
        try {
            X509Certificate certificate = key.certificate();
            ContentSigner contentSigner = new JcaContentSignerBuilder(key.type().signatureAlgorithm()).build(key.privateKey());
            AttributeTable signingTime = new AttributeTable(
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(clock.instant())))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signingTime))
                    .build(contentSigner, certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false);
        } catch (OperatorCreationException | CMSException | java.security.cert.CertificateEncodingException e) {
            throw new IOException("cannot sign with " + key + ": " + Problems.reason(e), e);
        }
    }

    /** Asks for a token over SHA-256 of the signature value and checks the answer before using it. */
    static TimeStampResponse requestTimestamp(TimestampAuthority authority, byte[] signatureValue) {
        byte[] imprint = CertificateInfo.sha256(signatureValue);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint, new BigInteger(63, new SecureRandom()));
        String where = "time-stamping authority " + authority.location();
        byte[] answer;
        try {
            answer = authority.respond(request.getEncoded());
        } catch (IOException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, where + " did not answer: " + Problems.reason(e), e);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer);
            if (response.getTimeStampToken() == null) {
                throw new ProvkitException(ExitCode.UNREADABLE, where + " refused: status " + response.getStatus()
                        + (response.getStatusString() == null ? "" : " (" + response.getStatusString() + ")"));
            }
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            List<String> problems = TimestampCheck.validateToken(token, imprint);
            if (!problems.isEmpty()) {
                throw new ProvkitException(ExitCode.UNREADABLE, where + " sent an unusable token: " + problems.get(0));
            }
            return response;
        } catch (TSPException | IOException | IllegalArgumentException e) {
            throw new ProvkitException(ExitCode.UNREADABLE, where + " sent an unusable answer: " + Problems.reason(e), e);
        }
    }
}
