package org.provkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.commons.lang3.SerializationUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provkit.ProvkitException;
import org.provkit.sign.SigningKey;
import org.provkit.sign.SigningKeys;
import org.provkit.sign.TrustAnchors;

class JobCertificatesTest {

    @TempDir
    Path tmp;

    private SigningKey institution(boolean ca) throws Exception {
        TestKeys keys = TestKeys.institution(tmp, ca);
        return SigningKeys.load(keys.key(), keys.cert(), Optional.empty());
    }

    @Test
    void theJobCertificateChainsToTheInstitutionAndTravelsAsBytes() throws Exception {
        SigningKey institution = institution(true);
        Instant now = Instant.now();
        JobSigner signer = JobCertificates.issue(institution, "news 20260101", now, Duration.ofDays(7), null);
        JobSigner shipped = SerializationUtils.clone(signer);
        List<X509Certificate> chain = shipped.chain();
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1)).isEqualTo(institution.certificate());
        X509Certificate job = chain.get(0);
        assertThat(job.getSubjectX500Principal().getName()).contains("provkit job news 20260101");
        assertThat(job.getBasicConstraints()).isEqualTo(-1);
        assertThat(job.getKeyUsage()[0]).isTrue();
        assertThat(new TrustAnchors(List.of(institution.certificate())).whyNotTrusted(job, List.of(), now)).isEmpty();
        assertThat(shipped.signingKey().privateKey()).isNotEqualTo(institution.privateKey());
        assertThat(shipped.signer().sign("x".getBytes()).files()).containsKeys("tagmanifest-sha512.txt.p7s", "signer.pem");
        assertThat(shipped.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void withoutATimestampTheJobCertificateLastsAsLongAsTheInstitutions() throws Exception {
        SigningKey institution = institution(true);
        Instant now = Instant.now();
        X509Certificate untimed = JobCertificates.issue(institution, "j", now, Duration.ofDays(7), null).chain().get(0);
        assertThat(untimed.getNotAfter()).isEqualTo(institution.certificate().getNotAfter());
        X509Certificate timed = JobCertificates.issue(institution, "j", now, Duration.ofDays(7), "http://127.0.0.1:9/tsa").chain().get(0);
        assertThat(timed.getNotAfter().toInstant()).isBetween(now.plus(Duration.ofDays(7)).minusSeconds(2), now.plus(Duration.ofDays(7)));
    }

    @Test
    void aCertificateThatIsNoCaCannotIssue() throws Exception {
        SigningKey plain = institution(false);
        assertThatThrownBy(() -> JobCertificates.issue(plain, "j", Instant.now(), Duration.ofDays(1), null))
                .isInstanceOf(ProvkitException.class).hasMessageContaining("cannot issue job certificates");
    }
}
