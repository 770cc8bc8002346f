package org.provkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.provkit.Json;

/** What the audit shows of a record beyond its chain: canonical URL, date, bundle-time warnings. */
class DocumentFactsTest {

    private static JsonNode json(String text) throws IOException {
        return Json.mapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void theCanonicalUrlIsTheFirstWebAddressWithThatRole() throws IOException {
        assertThat(DocumentFacts.canonicalUrl(json("[{'url': 'https://a.example/x', 'role': 'mentioned'},"
                + " {'url': 'javascript:alert(1)', 'role': 'canonical'}, {'url': 'HTTPS://b.example/y', 'role': 'canonical'}]")))
                .isEqualTo("HTTPS://b.example/y");
        assertThat(DocumentFacts.canonicalUrl(json("[{'url': 'https://a.example/x', 'role': 'captured'}]"))).isNull();
        assertThat(DocumentFacts.canonicalUrl(json("[]"))).isNull();
    }

    @Test
    void theDateIsThePublicationDayBeforeTheCreationDay() throws IOException {
        assertThat(DocumentFacts.date(json("{'metadata': {'dcterms:created': ['2025-01-02T10:00:00Z'],"
                + " 'article:published_time': ['2026-12-03T08:15:00-05:00']}}"))).isEqualTo("2026-12-03");
        assertThat(DocumentFacts.date(json("{'metadata': {'dcterms:created': ['2025-01-02T10:00:00Z']}}"))).isEqualTo("2025-01-02");
        assertThat(DocumentFacts.date(json("{'metadata': {'dc:date': ['  ', 'x'], 'date': ['3 December 2026']}}")))
                .as("a blank value is none; a date that is no ISO date is shown as given").isEqualTo("3 December 2026");
        assertThat(DocumentFacts.date(json("{'metadata': {}}"))).isNull();
        assertThat(DocumentFacts.date(json("{}"))).isNull();
    }

    @Test
    void warningsAreSentencesWhateverTheRecordHolds() throws IOException {
        assertThat(DocumentFacts.warnings(json("{'warnings': ['plain', {'code': 'W_X', 'message': 'coded'}, {'message': 'bare'},"
                + " {'other': 1}, null]}"))).containsExactly("plain", "W_X: coded", "bare", "{\"other\":1}");
        assertThat(DocumentFacts.warnings(json("{'warnings': 'not a list'}"))).isEmpty();
        assertThat(DocumentFacts.warnings(json("{}"))).isEmpty();
    }
}
