package org.provkit.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The catalog's tables (documented in {@code docs/catalog.md}). The catalog is derived data: a file
 * of another schema version is dropped and rebuilt from the bundles, never migrated. The version also
 * changes when the rules that make its verdicts do, so that no bundle keeps a verdict made by older ones.
 */
final class CatalogSchema {

    /**
     * 2: verify's new warnings (damaged tar and zip headers, data after a .tar.gz) and the audit's
     * INTEGRITY_WARNING; a catalog of version 1 holds verdicts made without them, so it is rebuilt.
     * 3: the full-text index holds Chinese, Japanese and Korean one character a token ({@link SearchText});
     * an index of version 2 holds whole CJK clauses as single tokens, which no query finds.
     */
    static final int VERSION = 3;

    private static final List<String> DDL = List.of(
            "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            """
            CREATE TABLE bundles (
              id INTEGER PRIMARY KEY,
              path TEXT NOT NULL UNIQUE,
              name TEXT NOT NULL,
              format TEXT NOT NULL,
              size INTEGER NOT NULL,
              mtime_ns INTEGER NOT NULL,
              tagmanifest_sha256 TEXT,
              trust_key TEXT NOT NULL,
              reusable INTEGER NOT NULL,
              indexed_at TEXT NOT NULL,
              valid INTEGER NOT NULL,
              complete INTEGER NOT NULL,
              signed INTEGER NOT NULL,
              signer TEXT,
              trusted INTEGER,
              timestamp TEXT,
              payload_bytes INTEGER,
              payload_files INTEGER,
              has_provenance INTEGER NOT NULL,
              bagging_date TEXT,
              source_organization TEXT,
              software_agent TEXT,
              bag_info TEXT
            )""",
            """
            CREATE TABLE verification_issues (
              bundle_id INTEGER NOT NULL REFERENCES bundles(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              code TEXT NOT NULL,
              severity TEXT NOT NULL,
              path TEXT NOT NULL,
              message TEXT NOT NULL,
              PRIMARY KEY (bundle_id, position)
            )""",
            """
            CREATE TABLE documents (
              id INTEGER PRIMARY KEY,
              bundle_id INTEGER NOT NULL REFERENCES bundles(id) ON DELETE CASCADE,
              path TEXT NOT NULL,
              record_path TEXT,
              original_path TEXT,
              text_path TEXT,
              media_type TEXT,
              bytes INTEGER,
              sha256 TEXT,
              sha512 TEXT,
              language TEXT,
              title TEXT,
              extraction_status TEXT,
              text_indexed INTEGER NOT NULL,
              text_truncated INTEGER NOT NULL,
              record_json TEXT NOT NULL,
              UNIQUE (bundle_id, path)
            )""",
            "CREATE INDEX documents_sha256 ON documents(sha256)",
            """
            CREATE TABLE parties (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL UNIQUE
            )""",
            """
            CREATE TABLE chain_hops (
              document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              party_id INTEGER NOT NULL REFERENCES parties(id),
              role TEXT,
              registered INTEGER,
              evidence TEXT NOT NULL,
              hop_json TEXT NOT NULL,
              PRIMARY KEY (document_id, position)
            )""",
            "CREATE INDEX chain_hops_party ON chain_hops(party_id)",
            """
            CREATE TABLE credits (
              document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              asset TEXT,
              party_id INTEGER REFERENCES parties(id),
              evidence_text TEXT,
              evidence_line INTEGER,
              PRIMARY KEY (document_id, position)
            )""",
            "CREATE INDEX credits_party ON credits(party_id)",
            """
            CREATE TABLE missing_assets (
              document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              kind TEXT,
              marker TEXT,
              line INTEGER,
              credit TEXT,
              PRIMARY KEY (document_id, position)
            )""",
            """
            CREATE TABLE urls (
              document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              url TEXT,
              role TEXT,
              normalized TEXT,
              domain TEXT,
              PRIMARY KEY (document_id, position)
            )""",
            "CREATE INDEX urls_domain ON urls(domain)",
            """
            CREATE TABLE findings (
              id INTEGER PRIMARY KEY,
              bundle_id INTEGER NOT NULL REFERENCES bundles(id) ON DELETE CASCADE,
              document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
              code TEXT NOT NULL,
              severity TEXT NOT NULL,
              message TEXT NOT NULL,
              collection INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX findings_bundle ON findings(bundle_id)",
            "CREATE INDEX findings_document ON findings(document_id)",
            "CREATE VIRTUAL TABLE document_text USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')");

    private CatalogSchema() {
    }

    /** The schema version of an open database; null when it holds no catalog. */
    static Integer storedVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (tables.next() && tables.getInt(1) == 0) {
                return null;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT max(version) FROM schema_version")) {
            return row.next() ? row.getInt(1) : null;
        }
    }

    /** Creates every table in an empty database, in one transaction. */
    static void create(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
            statement.execute("INSERT INTO schema_version (version) VALUES (" + VERSION + ")");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
