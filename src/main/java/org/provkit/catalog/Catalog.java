package org.provkit.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.provkit.ProvkitException;
import org.provkit.bag.BagInfo;
import org.provkit.catalog.DocumentRecord.ChainHop;
import org.provkit.catalog.DocumentRecord.Credit;
import org.provkit.catalog.DocumentRecord.DocumentUrl;
import org.provkit.catalog.DocumentRecord.MissingAsset;
import org.provkit.verify.Finding;
import org.provkit.verify.VerificationReport;

/**
 * The SQLite catalog of an archives folder ({@code catalog.sqlite}; schema in {@code docs/catalog.md}).
 * One writer: each bundle is written in one transaction; WAL mode lets readers (any SQLite client)
 * look while it is written. Not thread-safe: one thread uses one instance.
 */
public final class Catalog implements AutoCloseable {

    public static final String FILE_NAME = "catalog.sqlite";

    /** Reads one row of a result set into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** What the catalog knows of a stored bundle, enough to tell whether it changed. */
    public record StoredState(long size, long mtimeNanos, String trustKey, boolean reusable) {
    }

    private final Path file;
    private final Connection connection;
    private final boolean created;
    private final boolean readOnly;
    private final Map<String, Long> partyIds = new HashMap<>();

    private Catalog(Path file, Connection connection, boolean created, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.created = created;
        this.readOnly = readOnly;
    }

    /** The catalog file of an archives folder. */
    public static Path fileIn(Path archives) {
        return archives.resolve(FILE_NAME);
    }

    /**
     * Opens (creating it when absent) the catalog at {@code file}. With {@code rebuild}, or when the file
     * holds another schema version, the file is deleted and made afresh: it is derived from the bundles.
     */
    public static Catalog open(Path file, boolean rebuild) {
        try {
            boolean exists = Files.exists(file);
            if (exists && !rebuild) {
                Connection connection = connect(file);
                Integer version = CatalogSchema.storedVersion(connection);
                if (version != null && version == CatalogSchema.VERSION) {
                    return new Catalog(file, connection, false, false);
                }
                connection.close();
            }
            if (exists) {
                delete(file);
            }
            Connection connection = connect(file);
            CatalogSchema.create(connection);
            return new Catalog(file, connection, true, false);
        } catch (SQLException | IOException e) {
            throw ProvkitException.unreadable("cannot open the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing catalog only to read it: nothing is written, and a catalog on read-only storage (a
     * folder the user may read but not write) opens too. SQLite's write-ahead log needs a shared-memory file
     * next to the catalog; where none can be made, the file is read as immutable (no one can be writing it
     * there either).
     *
     * @throws Outdated when the file holds a catalog of another schema version (it must be rebuilt)
     */
    public static Catalog openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ProvkitException.unreadable("no catalog at " + file, null);
        }
        Path absolute = file.toAbsolutePath().normalize();
        boolean writable = Files.isWritable(absolute) && Files.isWritable(absolute.getParent());
        String uri = "jdbc:sqlite:" + absolute.toUri() + "?mode=ro"
                + (writable ? "" : "&immutable=1");
        try {
            Connection connection = DriverManager.getConnection(uri);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
            }
            Integer version = CatalogSchema.storedVersion(connection);
            if (version == null || version != CatalogSchema.VERSION) {
                connection.close();
                throw new Outdated(file, version);
            }
            return new Catalog(file, connection, false, true);
        } catch (SQLException e) {
            throw ProvkitException.unreadable("cannot open the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /** The catalog file holds another schema version (or no catalog): it is rebuilt, never migrated. */
    public static final class Outdated extends CatalogException {
        private static final long serialVersionUID = 1L;

        Outdated(Path file, Integer version) {
            super(file + (version == null ? " holds no provkit catalog" : " is a catalog of schema version " + version
                    + ", this provkit reads version " + CatalogSchema.VERSION) + "; 'provkit audit' rebuilds it", null);
        }
    }

    private static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
    }

    private static Connection connect(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA foreign_keys = ON");
        }
        return connection;
    }

    public Path file() {
        return file;
    }

    /** True when this open made the file (it was absent, of another version, or a rebuild was asked). */
    public boolean created() {
        return created;
    }

    /** True when opened by {@link #openReadOnly}: it can be searched and reported on, not updated. */
    public boolean readOnly() {
        return readOnly;
    }

    public Map<String, StoredState> storedStates() {
        Map<String, StoredState> states = new HashMap<>();
        for (Object[] row : query("SELECT path, size, mtime_ns, trust_key, reusable FROM bundles",
                r -> new Object[] {r.getString(1), new StoredState(r.getLong(2), r.getLong(3), r.getString(4), r.getInt(5) != 0)})) {
            states.put((String) row[0], (StoredState) row[1]);
        }
        return states;
    }

    /** Replaces whatever the catalog held for this bundle, in one transaction. */
    public void store(IndexedBundle bundle) {
        inTransaction(() -> {
            deleteBundle(bundle.file().relativePath());
            long bundleId = insertBundle(bundle);
            insertIssues(bundleId, bundle.report().findings());
            Map<String, Long> documentIds = new HashMap<>();
            Map<String, BundleContents.Document> deferredTexts = new HashMap<>();
            Map<String, Long> deferredIds = new HashMap<>();
            for (BundleContents.Document document : bundle.contents().documents()) {
                if (!documentIds.containsKey(document.record().path())) {
                    long id = insertDocument(bundleId, document);
                    documentIds.put(document.record().path(), id);
                    if (document.textDeferred()) {
                        deferredTexts.put(document.record().textPath(), document);
                        deferredIds.put(document.record().textPath(), id);
                    }
                }
            }
            if (!deferredTexts.isEmpty()) {
                insertDeferredTexts(bundle.file(), deferredTexts, deferredIds);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO findings (bundle_id, document_id, code, severity, message) VALUES (?, ?, ?, ?, ?)")) {
                for (CatalogFinding finding : bundle.findings()) {
                    insert.setLong(1, bundleId);
                    setLong(insert, 2, finding.document() == null ? null : documentIds.get(finding.document()));
                    insert.setString(3, finding.code().name());
                    insert.setString(4, finding.severity().name());
                    insert.setString(5, finding.message());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Forgets bundles that are no longer in the folder. */
    public void remove(Collection<String> bundlePaths) {
        if (bundlePaths.isEmpty()) {
            return;
        }
        inTransaction(() -> {
            for (String path : bundlePaths) {
                deleteBundle(path);
            }
        });
    }

    /**
     * Removes parties no hop or credit names any more, and recomputes the collection-wide findings:
     * one document (same SHA-256) whose bundles name different origins.
     */
    public void refreshCollection() {
        inTransaction(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM parties WHERE id NOT IN (SELECT party_id FROM chain_hops)"
                        + " AND id NOT IN (SELECT party_id FROM credits WHERE party_id IS NOT NULL)");
                statement.execute("DELETE FROM findings WHERE collection = 1");
            }
            partyIds.clear();
            record Origin(long documentId, long bundleId, String bundle, String document, String sha256, String party) {
            }
            List<Origin> origins = query("""
                    SELECT d.id, d.bundle_id, b.path, d.path, d.sha256, p.name
                    FROM documents d JOIN bundles b ON b.id = d.bundle_id
                    JOIN chain_hops h ON h.document_id = d.id AND h.position = 0
                    JOIN parties p ON p.id = h.party_id
                    WHERE d.sha256 IS NOT NULL AND d.sha256 IN (
                      SELECT sha256 FROM documents WHERE sha256 IS NOT NULL GROUP BY sha256 HAVING count(*) > 1)
                    ORDER BY d.sha256, b.path, d.path""",
                    r -> new Origin(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6)));
            Map<String, List<Origin>> bySha = new LinkedHashMap<>();
            for (Origin origin : origins) {
                bySha.computeIfAbsent(origin.sha256().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(origin);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO findings"
                    + " (bundle_id, document_id, code, severity, message, collection) VALUES (?, ?, ?, ?, ?, 1)")) {
                for (List<Origin> copies : bySha.values()) {
                    TreeSet<String> parties = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                    copies.forEach(c -> parties.add(c.party()));
                    if (parties.size() < 2) {
                        continue;
                    }
                    for (Origin copy : copies) {
                        List<String> others = copies.stream().filter(o -> !o.party().equalsIgnoreCase(copy.party()))
                                .map(o -> "\"" + o.party() + "\" in " + o.bundle() + " (" + o.document() + ")").toList();
                        insert.setLong(1, copy.bundleId());
                        insert.setLong(2, copy.documentId());
                        insert.setString(3, FindingCode.CONFLICTING_ATTRIBUTION.name());
                        insert.setString(4, FindingCode.CONFLICTING_ATTRIBUTION.severity().name());
                        insert.setString(5, copy.document() + " names \"" + copy.party() + "\" as origin, but the same"
                                + " document is attributed to " + String.join(", ", others));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** Runs a read query and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new CatalogException("catalog query failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                partyIds.clear();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CatalogException("cannot write the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    private void deleteBundle(String path) throws SQLException {
        try (PreparedStatement text = connection.prepareStatement("DELETE FROM document_text WHERE rowid IN"
                + " (SELECT d.id FROM documents d JOIN bundles b ON b.id = d.bundle_id WHERE b.path = ?)");
                PreparedStatement bundle = connection.prepareStatement("DELETE FROM bundles WHERE path = ?")) {
            text.setString(1, path);
            text.executeUpdate();
            bundle.setString(1, path);
            bundle.executeUpdate();
        }
    }

    private long insertBundle(IndexedBundle bundle) throws SQLException {
        VerificationReport report = bundle.report();
        BundleContents contents = bundle.contents();
        BagInfo info = parseBagInfo(contents.bagInfo());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO bundles (path, name, format, size, mtime_ns, tagmanifest_sha256, trust_key, reusable, indexed_at,
                  valid, complete, signed, signer, trusted, timestamp, payload_bytes, payload_files, has_provenance,
                  bagging_date, source_organization, software_agent, bag_info)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Statement.RETURN_GENERATED_KEYS)) {
            BundleFile file = bundle.file();
            insert.setString(1, file.relativePath());
            insert.setString(2, contents.bagName());
            insert.setString(3, file.format().label());
            insert.setLong(4, file.size());
            insert.setLong(5, file.mtimeNanos());
            insert.setString(6, contents.tagmanifestSha256());
            insert.setString(7, bundle.trustKey());
            insert.setInt(8, bundle.reusable() ? 1 : 0);
            insert.setString(9, Instant.now().toString());
            insert.setInt(10, report.valid() ? 1 : 0);
            insert.setInt(11, report.complete() ? 1 : 0);
            insert.setInt(12, report.signed() ? 1 : 0);
            insert.setString(13, report.signer());
            setLong(insert, 14, report.trusted() == null ? null : report.trusted() ? 1L : 0L);
            insert.setString(15, report.timestamp() == null ? null : report.timestamp().toString());
            insert.setLong(16, report.payloadBytes());
            insert.setLong(17, report.payloadFiles());
            insert.setInt(18, contents.hasProvenance() ? 1 : 0);
            insert.setString(19, info.first("Bagging-Date").orElse(null));
            insert.setString(20, info.first("Source-Organization").orElse(null));
            insert.setString(21, info.first("Bag-Software-Agent").orElse(null));
            insert.setString(22, contents.bagInfo());
            insert.executeUpdate();
            return generatedId(insert);
        }
    }

    private static BagInfo parseBagInfo(String text) {
        if (text == null) {
            return BagInfo.empty();
        }
        try {
            return BagInfo.parse(text);
        } catch (IllegalArgumentException e) {
            return BagInfo.empty();
        }
    }

    private void insertIssues(long bundleId, List<Finding> findings) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO verification_issues"
                + " (bundle_id, position, code, severity, path, message) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Finding finding : findings) {
                insert.setLong(1, bundleId);
                insert.setInt(2, position++);
                insert.setString(3, finding.code());
                insert.setString(4, finding.severity().name());
                insert.setString(5, finding.path() == null ? "" : finding.path());
                insert.setString(6, finding.message() == null ? "" : finding.message());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private long insertDocument(long bundleId, BundleContents.Document document) throws SQLException {
        DocumentRecord record = document.record();
        long documentId;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO documents (bundle_id, path, record_path, original_path, text_path, media_type, bytes, sha256, sha512,
                  language, title, extraction_status, text_indexed, text_truncated, record_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, bundleId);
            insert.setString(2, record.path());
            insert.setString(3, record.recordPath());
            insert.setString(4, record.originalPath());
            insert.setString(5, record.textPath());
            insert.setString(6, record.mediaType());
            setLong(insert, 7, record.bytes());
            insert.setString(8, record.sha256());
            insert.setString(9, record.sha512());
            insert.setString(10, record.language());
            insert.setString(11, record.title());
            insert.setString(12, record.extractionStatus());
            insert.setInt(13, document.text() != null ? 1 : 0);
            insert.setInt(14, document.textTruncated() ? 1 : 0);
            insert.setString(15, record.json());
            insert.executeUpdate();
            documentId = generatedId(insert);
        }
        try (PreparedStatement hops = connection.prepareStatement("INSERT INTO chain_hops"
                + " (document_id, position, party_id, role, registered, evidence, hop_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ChainHop hop : record.chain()) {
                hops.setLong(1, documentId);
                hops.setInt(2, position++);
                hops.setLong(3, partyId(hop.party() == null ? "(unnamed)" : hop.party()));
                hops.setString(4, hop.role());
                setLong(hops, 5, hop.registered() == null ? null : hop.registered() ? 1L : 0L);
                hops.setString(6, hop.evidence());
                hops.setString(7, hop.json());
                hops.addBatch();
            }
            hops.executeBatch();
        }
        try (PreparedStatement credits = connection.prepareStatement("INSERT INTO credits"
                + " (document_id, position, asset, party_id, evidence_text, evidence_line) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Credit credit : record.credits()) {
                credits.setLong(1, documentId);
                credits.setInt(2, position++);
                credits.setString(3, credit.asset());
                setLong(credits, 4, credit.party() == null ? null : partyId(credit.party()));
                credits.setString(5, credit.evidenceText());
                setLong(credits, 6, credit.line() == null ? null : credit.line().longValue());
                credits.addBatch();
            }
            credits.executeBatch();
        }
        try (PreparedStatement missing = connection.prepareStatement("INSERT INTO missing_assets"
                + " (document_id, position, kind, marker, line, credit) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (MissingAsset asset : record.missingAssets()) {
                missing.setLong(1, documentId);
                missing.setInt(2, position++);
                missing.setString(3, asset.kind());
                missing.setString(4, asset.marker());
                setLong(missing, 5, asset.line() == null ? null : asset.line().longValue());
                missing.setString(6, asset.credit());
                missing.addBatch();
            }
            missing.executeBatch();
        }
        try (PreparedStatement urls = connection.prepareStatement("INSERT INTO urls"
                + " (document_id, position, url, role, normalized, domain) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (DocumentUrl url : record.urls()) {
                urls.setLong(1, documentId);
                urls.setInt(2, position++);
                urls.setString(3, url.url());
                urls.setString(4, url.role());
                urls.setString(5, url.normalized());
                urls.setString(6, url.domain());
                urls.addBatch();
            }
            urls.executeBatch();
        }
        if (!document.textDeferred() && (document.text() != null || record.title() != null)) {
            try (PreparedStatement text = connection.prepareStatement(
                    "INSERT INTO document_text (rowid, title, body) VALUES (?, ?, ?)")) {
                text.setLong(1, documentId);
                text.setString(2, SearchText.segment(record.title() == null ? "" : record.title()));
                text.setString(3, SearchText.segment(document.text() == null ? "" : document.text()));
                text.executeUpdate();
            }
        }
        return documentId;
    }

    /** Streams the texts not held in memory from the bundle into the full-text index, in the open transaction. */
    private void insertDeferredTexts(BundleFile file, Map<String, BundleContents.Document> documents, Map<String, Long> ids)
            throws SQLException {
        try (PreparedStatement text = connection.prepareStatement(
                "INSERT INTO document_text (rowid, title, body) VALUES (?, ?, ?)");
                PreparedStatement flags = connection.prepareStatement(
                        "UPDATE documents SET text_indexed = 1, text_truncated = ? WHERE id = ?")) {
            BundleContentReader.readTexts(file, documents.keySet(), (path, body, truncated) -> {
                DocumentRecord record = documents.get(path).record();
                text.setLong(1, ids.get(path));
                text.setString(2, SearchText.segment(record.title() == null ? "" : record.title()));
                text.setString(3, SearchText.segment(body));
                text.executeUpdate();
                flags.setInt(1, truncated ? 1 : 0);
                flags.setLong(2, ids.get(path));
                flags.executeUpdate();
            });
        } catch (java.io.IOException e) {
            if (e.getCause() instanceof SQLException failedWrite) {
                throw failedWrite;
            }
            // the bundle changed or broke since it was read: its records stand, the texts not read stay unindexed
            // (text_indexed = 0), and the changed file is read afresh on the next run
        }
    }

    private long partyId(String name) throws SQLException {
        Long known = partyIds.get(name);
        if (known != null) {
            return known;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO parties (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
                PreparedStatement select = connection.prepareStatement("SELECT id FROM parties WHERE name = ?")) {
            insert.setString(1, name);
            insert.executeUpdate();
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                partyIds.put(name, id);
                return id;
            }
        }
    }

    private static long generatedId(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no row id returned");
            }
            return keys.getLong(1);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new CatalogException("cannot close the catalog " + file + ": " + e.getMessage(), e);
        }
    }
}
