package org.provkit.verify;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.provkit.bag.BagFile;
import org.provkit.bag.BagInfo;
import org.provkit.bag.BagInfoReader;
import org.provkit.bag.BagPaths;
import org.provkit.bag.BagScanner;
import org.provkit.bag.BagSource;
import org.provkit.bag.BagitDeclaration;
import org.provkit.bag.ChecksumAlgorithm;
import org.provkit.bag.FetchEntry;
import org.provkit.bag.FetchReader;
import org.provkit.bag.ManifestEntry;
import org.provkit.bag.ManifestReader;
import org.provkit.bag.PayloadOxum;
import org.provkit.bag.ReadProblem;
import org.provkit.bag.TagText;
import org.provkit.sign.SignatureCheck;

/**
 * The BagIt rules (RFC 8493, and 0.93–0.97 where they differ) applied to one scanned bag, producing
 * findings. Complete: required files present, every manifest entry present, every payload file in every
 * payload manifest. Valid: complete, and every checksum in every manifest and tag manifest matches.
 *
 * <p>Names are compared exactly first; a manifest name that matches a stored name only after Unicode NFC
 * normalisation is accepted with a warning (RFC 8493 §6.1.1.3), and so is a name that matches only
 * ignoring case when the stored name is itself listed too (the bag was made on a case-insensitive file
 * system). A listed but absent {@code .DS_Store}/{@code Thumbs.db} whose checksum is that of an empty file
 * is a warning: no byte of content is missing, and copy tools routinely drop such files.
 */
final class BagChecks {

    static final String SIGNATURE = "signature/tagmanifest-sha512.txt.p7s";
    private static final String TAG_MANIFEST_SIGNED = "tagmanifest-sha512.txt";
    private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-([^/]+)\\.txt");
    private static final Set<String> COMPLETENESS_CODES = Set.of("E_BAGIT_TXT", "E_BOM", "E_VERSION", "E_ENCODING",
            "E_NO_MANIFEST", "E_NO_PAYLOAD_DIR", "E_MISSING", "E_EXTRA", "E_UNSAFE_PATH", "E_UNSAFE_ENTRY",
            "E_DUPLICATE", "E_DUPLICATE_ENTRY", "E_MANIFEST_LINE", "E_MANIFEST_PATH", "E_LINK", "E_SPECIAL_FILE",
            "E_ARCHIVE_LAYOUT", "E_ARCHIVE_TRUNCATED", "E_LIMIT", "E_FETCH");
    private static final HexFormat HEX = HexFormat.of();

    private final String target;
    private final BagSource source;
    private final BagScanner.Scan scan;
    private final VerifyOptions options;
    private final SignatureChecker signatures;
    private final AtomicLong progress;

    private final Set<Finding> findings = new LinkedHashSet<>();
    private final Map<String, BagFile> files = new TreeMap<>();
    private Set<ChecksumAlgorithm> tagManifestAlgorithms;
    private final Map<String, List<String>> filesByNfc = new HashMap<>();
    private final Map<String, List<String>> filesByFold = new HashMap<>();
    private final Set<String> otherEntries = new HashSet<>();

    private BagitDeclaration declaration;
    private BagInfo info = BagInfo.empty();
    private final Set<String> fetchPaths = new HashSet<>();
    private final List<Manifest> payloadManifests = new ArrayList<>();
    private final List<Manifest> tagManifests = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> absentEmptySystemFiles = new HashSet<>();

    private record Manifest(String name, ChecksumAlgorithm algorithm, boolean tag, Set<String> matched) {
    }

    /** A checksum to compare once the file is hashed; the expected digest as bytes (a 300,000-file bag has 600,000). */
    private record Pending(BagFile file, ChecksumAlgorithm algorithm, byte[] expected, String manifest, int line) {
    }

    BagChecks(String target, BagSource source, BagScanner.Scan scan, VerifyOptions options,
            SignatureChecker signatures, AtomicLong progress) {
        this.target = target;
        this.source = source;
        this.scan = scan;
        this.options = options;
        this.signatures = signatures;
        this.progress = progress;
    }

    VerificationReport run() {
        indexEntries();
        readDeclaration();
        readMetadata();
        readFetch();
        readManifests();
        // The signature needs only the tag files: it is checked while the payload is still being hashed.
        SignatureOutcome signature = checkSignature();
        scan.awaitDigests();
        checkChecksums();
        checkPayloadFiles();
        checkStoredNameCollisions();
        long[] payload = payloadTotals();
        checkOxum(payload);

        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing((Finding f) -> f.severity() == Severity.ERROR ? 0 : 1)
                .thenComparing(Finding::path).thenComparing(Finding::code));
        boolean valid = sorted.stream().noneMatch(f -> f.severity() == Severity.ERROR);
        boolean complete = sorted.stream().noneMatch(f -> f.severity() == Severity.ERROR
                && COMPLETENESS_CODES.contains(f.code()));
        String checks = options.completenessOnly() ? "completeness" : options.fast() ? "fast" : "full";
        return new VerificationReport(target, valid, complete, signature.signed(), signature.signer(),
                signature.trusted(), signature.timestamp(), sorted, payload[0], payload[1],
                declaration == null ? null : declaration.version(), checks);
    }

    // ---- entries ---------------------------------------------------------------------------------------

    private void indexEntries() {
        String root = scan.root();
        for (BagScanner.EntryProblem problem : scan.problems()) {
            String name = problem.entryName();
            String path = !root.isEmpty() && name.startsWith(root) ? name.substring(root.length()) : name;
            add(problem.problem(), path);
        }
        for (BagFile file : scan.files()) {
            if (file.path() == null) {
                continue;
            }
            if (file.kind() == BagFile.Kind.FILE) {
                if (files.putIfAbsent(file.path(), file) == null) {
                    group(filesByNfc, BagPaths.normalized(file.path()), file.path());
                    group(filesByFold, BagPaths.caseFolded(file.path()), file.path());
                }
            } else {
                otherEntries.add(file.path());
            }
        }
    }

    /** Adds {@code path} under {@code key}; a group of one (nearly all of them) costs no list of its own. */
    private static void group(Map<String, List<String>> index, String key, String path) {
        index.merge(key, List.of(path), (old, one) -> {
            List<String> more = new ArrayList<>(old);
            more.add(path);
            return more;
        });
    }

    // ---- bagit.txt, bag-info.txt, fetch.txt ---------------------------------------------------------------

    private void readDeclaration() {
        BagFile bagit = files.get(BagitDeclaration.FILE_NAME);
        if (bagit == null) {
            error("E_BAGIT_TXT", BagitDeclaration.FILE_NAME, "missing: every bag needs bagit.txt in its top folder");
            return;
        }
        if (bagit.content() == null) {
            error("E_BAGIT_TXT", BagitDeclaration.FILE_NAME, "cannot be read: " + bagit.readError());
            return;
        }
        BagitDeclaration.Reading reading = BagitDeclaration.read(bagit.content());
        reading.problems().forEach(p -> add(p, BagitDeclaration.FILE_NAME));
        declaration = reading.declaration();
    }

    /** Rules that depend on the version when bagit.txt could not tell it: 1.0's (the strictest). */
    private boolean version1() {
        return declaration == null || declaration.isAtLeast1();
    }

    private Optional<String> tagText(String path) {
        BagFile file = files.get(path);
        if (file == null) {
            return Optional.empty();
        }
        if (file.content() == null) {
            error("E_READ", path, "cannot be read: " + (file.readError() == null ? "not kept in memory" : file.readError()));
            return Optional.empty();
        }
        try {
            TagText.Decoded decoded = TagText.decode(file.content(),
                    declaration == null ? StandardCharsets.UTF_8 : declaration.tagEncoding());
            if (decoded.utf8Bom()) {
                warning("W_BOM", path, "starts with a UTF-8 byte-order mark (ignored)");
            }
            return Optional.of(decoded.text());
        } catch (CharacterCodingException e) {
            error("E_ENCODING", path, "is not text in the declared encoding "
                    + (declaration == null ? "UTF-8" : declaration.tagEncoding().name()));
            return Optional.empty();
        }
    }

    private void readMetadata() {
        String name = declaration == null ? "bag-info.txt" : declaration.metadataFileName();
        if (!files.containsKey(name)) {
            name = name.equals("bag-info.txt") ? "package-info.txt" : "bag-info.txt";
        }
        String metadata = name;
        tagText(metadata).ifPresent(text -> {
            BagInfoReader.Reading reading = BagInfoReader.read(text, version1());
            reading.problems().forEach(p -> add(p, metadata));
            info = reading.info();
        });
        releaseAfterReading(metadata);
    }

    private void readFetch() {
        tagText("fetch.txt").ifPresent(text -> {
            FetchReader.Reading reading = FetchReader.read(text, version1());
            reading.problems().forEach(p -> add(p, "fetch.txt"));
            for (FetchEntry entry : reading.entries()) {
                if (!entry.path().startsWith("data/")) {
                    error("E_FETCH", "fetch.txt", "line " + entry.line() + ": '" + entry.path() + "' is not under data/");
                } else {
                    fetchPaths.add(entry.path());
                }
            }
        });
        releaseAfterReading("fetch.txt");
    }

    // ---- manifests ------------------------------------------------------------------------------------

    private void readManifests() {
        for (String path : files.keySet()) {
            Matcher m = MANIFEST.matcher(path);
            if (!m.matches()) {
                continue;
            }
            boolean tag = m.group(1) != null;
            Optional<ChecksumAlgorithm> algorithm = ChecksumAlgorithm.fromBagitName(m.group(2));
            if (algorithm.isEmpty()) {
                warning("W_ALGORITHM", path, "algorithm '" + m.group(2) + "' is not one provkit knows; not checked");
                continue;
            }
            Optional<String> text = tagText(path);
            if (text.isEmpty()) {
                continue;
            }
            if (!tag) {
                releaseAfterReading(path);
            }
            ManifestReader.Reading reading = ManifestReader.read(text.get(), algorithm.get(), version1());
            reading.problems().forEach(p -> add(p, path));
            Manifest manifest = new Manifest(path, algorithm.get(), tag, new HashSet<>());
            // Matched at once; its lines are not kept: a manifest of 300,000 files is 100 MB of entries.
            matchEntries(manifest, reading.entries());
            (tag ? tagManifests : payloadManifests).add(manifest);
        }
        if (payloadManifests.isEmpty()) {
            error("E_NO_MANIFEST", "", "no payload manifest (manifest-<algorithm>.txt) that provkit can read");
        }
        boolean payloadDir = otherEntries.contains("data")
                || files.keySet().stream().anyMatch(p -> p.startsWith("data/"));
        if (!payloadDir) {
            error("E_NO_PAYLOAD_DIR", "data/", "missing: every bag needs a data/ folder");
        }
        if (files.containsKey("data")) {
            error("E_NO_PAYLOAD_DIR", "data", "is a file; it must be the payload folder");
        }
    }

    /**
     * Payload manifests, the metadata file and fetch.txt are read once: their checksums for the tag
     * manifests (whose algorithms their names give) are taken as soon as they are decoded, and their
     * bytes let go, so that a large bag's manifests (100 MB for 300,000 files) are never all held with
     * their decoded text.
     */
    private void releaseAfterReading(String path) {
        BagFile file = files.get(path);
        if (file == null || file.content() == null) {
            return;
        }
        if (!options.completenessOnly()) {
            tagManifestAlgorithms().forEach(file::digest);
        }
        file.releaseContent();
    }

    /** The algorithms of the bag's tag manifests, from their names; found once (a bag may hold millions of names). */
    private Set<ChecksumAlgorithm> tagManifestAlgorithms() {
        if (tagManifestAlgorithms == null) {
            tagManifestAlgorithms = EnumSet.noneOf(ChecksumAlgorithm.class);
            for (String name : files.keySet()) {
                Matcher m = MANIFEST.matcher(name);
                if (m.matches() && m.group(1) != null) {
                    ChecksumAlgorithm.fromBagitName(m.group(2)).ifPresent(tagManifestAlgorithms::add);
                }
            }
        }
        return tagManifestAlgorithms;
    }

    private void matchEntries(Manifest manifest, List<ManifestEntry> entries) {
        Map<String, String> seen = new HashMap<>();
        Set<String> listed = new HashSet<>();
        List<ManifestEntry> usable = new ArrayList<>();
        for (ManifestEntry entry : entries) {
            String where = manifest.name() + " line " + entry.line();
            if (!manifest.tag() && !entry.path().startsWith("data/")) {
                error("E_MANIFEST_PATH", manifest.name(), "line " + entry.line() + ": '" + entry.path()
                        + "' is not under data/; a payload manifest lists payload files only");
                continue;
            }
            if (manifest.tag() && (entry.path().startsWith("data/") || isTagManifestName(entry.path()))) {
                error("E_MANIFEST_PATH", manifest.name(), "line " + entry.line() + ": '" + entry.path()
                        + "' may not be in a tag manifest (payload files and tag manifests never are)");
                continue;
            }
            String before = seen.putIfAbsent(entry.path(), entry.checksum());
            if (before != null) {
                if (version1() || !before.equals(entry.checksum())) {
                    error("E_DUPLICATE", entry.path(), "listed more than once in " + manifest.name()
                            + (before.equals(entry.checksum()) ? " (same checksum)" : " with different checksums")
                            + ", again at line " + entry.line());
                } else {
                    warning("W_DUPLICATE", entry.path(), "listed twice in " + manifest.name()
                            + " with the same checksum (" + where + ")");
                    continue;
                }
                if (before.equals(entry.checksum())) {
                    continue;
                }
            }
            listed.add(entry.path());
            usable.add(entry);
        }
        warnListedCollisions(manifest, listed);
        for (ManifestEntry entry : usable) {
            BagFile file = resolve(entry.path(), listed);
            if (file == null) {
                reportMissing(manifest, entry);
                continue;
            }
            manifest.matched().add(file.path());
            boolean wanted = !options.completenessOnly() && (manifest.tag() || !options.fast());
            if (wanted) {
                pending.add(new Pending(file, manifest.algorithm(), HEX.parseHex(entry.checksum()), manifest.name(), entry.line()));
            }
        }
    }

    private static boolean isTagManifestName(String path) {
        return path.startsWith("tagmanifest-") && path.endsWith(".txt") && path.indexOf('/') < 0;
    }

    private void warnListedCollisions(Manifest manifest, Set<String> listed) {
        Map<String, Set<String>> byNfc = new HashMap<>();
        Map<String, Set<String>> byFold = new HashMap<>();
        for (String path : listed) {
            byNfc.computeIfAbsent(BagPaths.normalized(path), k -> new TreeSet<>()).add(path);
            byFold.computeIfAbsent(BagPaths.caseFolded(path), k -> new TreeSet<>()).add(BagPaths.normalized(path));
        }
        for (Set<String> group : byNfc.values()) {
            if (group.size() > 1) {
                for (String path : group) {
                    warning("W_NORMALIZATION_COLLISION", path, "listed under names that differ only by Unicode "
                            + "normalisation: " + describe(group) + " (" + manifest.name() + ")");
                }
            }
        }
        for (Set<String> group : byFold.values()) {
            if (group.size() > 1) {
                for (String path : group) {
                    warning("W_CASE_COLLISION", path, "listed under names that differ only by case: "
                            + describe(group) + " (" + manifest.name() + "); they clash on Windows and macOS");
                }
            }
        }
    }

    private static String describe(Set<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + ManifestReader.printable(n) + "'").toList());
    }

    /** The stored file a listed name stands for, or null; see the class comment for the lenient cases. */
    private BagFile resolve(String path, Set<String> listed) {
        BagFile exact = files.get(path);
        if (exact != null) {
            return exact;
        }
        List<String> sameNfc = filesByNfc.get(BagPaths.normalized(path));
        if (sameNfc != null && sameNfc.size() == 1) {
            String stored = sameNfc.get(0);
            if (!listed.contains(stored)) {
                warning("W_NORMALIZATION", stored, "listed as '" + path + "', stored under a name that differs only "
                        + "by Unicode normalisation; matched");
            }
            return files.get(stored);
        }
        List<String> sameFold = filesByFold.get(BagPaths.caseFolded(path));
        if (sameFold != null && sameFold.size() == 1 && listed.contains(sameFold.get(0))) {
            return files.get(sameFold.get(0));
        }
        return null;
    }

    private void reportMissing(Manifest manifest, ManifestEntry entry) {
        String path = entry.path();
        if (BagPaths.isSystemFile(path) && entry.checksum().equals(HEX.formatHex(manifest.algorithm().newDigest().digest()))) {
            warning("W_SYSTEM_FILE", path, "an empty operating-system file listed in " + manifest.name()
                    + " is absent (copy tools drop such files); no content is missing");
            absentEmptySystemFiles.add(path);
            return;
        }
        if (otherEntries.contains(path)) {
            error("E_MISSING", path, "listed in " + manifest.name() + " but it is not a regular file");
            return;
        }
        if (fetchPaths.contains(path)) {
            error("E_MISSING", path, "listed in " + manifest.name() + " and fetch.txt but not present; "
                    + "provkit never fetches: fetch it, then verify again");
            return;
        }
        String hint = "";
        List<String> sameFold = filesByFold.get(BagPaths.caseFolded(path));
        if (sameFold != null) {
            hint = " (the bag holds '" + String.join("', '", sameFold) + "', which differs only by case)";
        }
        error("E_MISSING", path, "listed in " + manifest.name() + " (line " + entry.line() + ") but not in the bag" + hint);
    }

    // ---- checksums -----------------------------------------------------------------------------------

    private void checkChecksums() {
        Map<BagFile, Set<ChecksumAlgorithm>> again = new LinkedHashMap<>();
        for (Pending p : pending) {
            if (p.file().readError() == null && p.file().digest(p.algorithm()) == null) {
                again.computeIfAbsent(p.file(), f -> EnumSet.noneOf(ChecksumAlgorithm.class)).add(p.algorithm());
            }
        }
        if (!again.isEmpty()) {
            try {
                BagScanner.hashAgain(source, again, progress);
            } catch (IOException e) {
                // what stays unhashed is reported below, file by file
            }
        }
        Set<BagFile> unreadable = new HashSet<>();
        for (Pending p : pending) {
            byte[] actual = p.file().digest(p.algorithm());
            if (actual == null) {
                if (unreadable.add(p.file())) {
                    error("E_READ", p.file().path(), "could not be read to check its checksum"
                            + (p.file().readError() == null ? "" : ": " + p.file().readError()));
                }
                continue;
            }
            if (!java.util.Arrays.equals(actual, p.expected())) {
                error("E_CHECKSUM", p.file().path(), p.manifest() + " (line " + p.line() + ") expects "
                        + p.algorithm().bagitName() + " " + HEX.formatHex(p.expected()) + ", the file has " + HEX.formatHex(actual));
            }
        }
    }

    // ---- payload files -------------------------------------------------------------------------------

    private void checkPayloadFiles() {
        for (BagFile file : files.values()) {
            String path = file.path();
            if (!path.startsWith("data/")) {
                continue;
            }
            List<String> notIn = payloadManifests.stream().filter(m -> !m.matched().contains(path)).map(Manifest::name)
                    .toList();
            if (!notIn.isEmpty()) {
                error("E_EXTRA", path, "a payload file not listed in " + String.join(", ", notIn));
            }
            if (BagPaths.isSystemFile(path)) {
                warning("W_SYSTEM_FILE", path, "an operating-system file (Finder or Explorer metadata) is part of the payload");
            }
        }
    }

    private void checkStoredNameCollisions() {
        for (List<String> group : filesByFold.values()) {
            Set<String> distinct = new TreeSet<>();
            group.forEach(p -> distinct.add(BagPaths.normalized(p)));
            if (distinct.size() > 1) {
                for (String path : group) {
                    warning("W_CASE_COLLISION", path, "stored names differ only by case: " + describe(new TreeSet<>(group))
                            + "; they clash on Windows and macOS");
                }
            }
        }
        for (List<String> group : filesByNfc.values()) {
            if (group.size() > 1) {
                for (String path : group) {
                    warning("W_NORMALIZATION_COLLISION", path, "stored names differ only by Unicode normalisation: "
                            + describe(new TreeSet<>(group)));
                }
            }
        }
    }

    private long[] payloadTotals() {
        long bytes = 0;
        long count = 0;
        for (BagFile file : files.values()) {
            if (file.path().startsWith("data/")) {
                bytes += file.size();
                count++;
            }
        }
        return new long[] {bytes, count};
    }

    private void checkOxum(long[] payload) {
        List<String> values = info.values("Payload-Oxum");
        if (values.isEmpty()) {
            return;
        }
        String metadata = files.containsKey("bag-info.txt") ? "bag-info.txt" : "package-info.txt";
        if (values.size() > 1) {
            warning("W_BAG_INFO", metadata, "Payload-Oxum is given " + values.size() + " times; the first is checked");
        }
        Optional<PayloadOxum> oxum = PayloadOxum.parse(values.get(0));
        if (oxum.isEmpty()) {
            error("E_OXUM", metadata, "Payload-Oxum '" + values.get(0) + "' is not <bytes>.<files>");
            return;
        }
        PayloadOxum actual = new PayloadOxum(payload[0], payload[1]);
        PayloadOxum withDropped = new PayloadOxum(payload[0], payload[1] + absentEmptySystemFiles.size());
        if (!oxum.get().equals(actual) && !oxum.get().equals(withDropped)) {
            error("E_OXUM", metadata, "Payload-Oxum says " + oxum.get().format() + " (bytes.files), the payload is "
                    + actual.format());
        }
    }

    // ---- signature -----------------------------------------------------------------------------------

    private record SignatureOutcome(boolean signed, String signer, Boolean trusted, Instant timestamp) {
        static final SignatureOutcome NONE = new SignatureOutcome(false, null, null, null);
    }

    private SignatureOutcome checkSignature() {
        BagFile p7s = files.get(SIGNATURE);
        Path trust = options.trust();
        if (p7s == null) {
            if (trust != null) {
                error("E_UNSIGNED", SIGNATURE, "missing: the bag is not signed, and --trust asks for a trusted signature");
            } else if (looksLikeProvkitBundle()) {
                warning("W_UNSIGNED", SIGNATURE, "missing: the bundle is not signed; its origin cannot be checked");
            }
            return SignatureOutcome.NONE;
        }
        if (p7s.content() == null) {
            error("E_SIGNATURE_INVALID", SIGNATURE, "cannot be read: " + p7s.readError());
            return SignatureOutcome.NONE;
        }
        BagFile signedFile = files.get(TAG_MANIFEST_SIGNED);
        if (signedFile == null || signedFile.content() == null) {
            error("E_SIGNATURE_INVALID", SIGNATURE, "signs " + TAG_MANIFEST_SIGNED + ", which is missing or unreadable");
            return SignatureOutcome.NONE;
        }
        checkSignatureCoverage();
        checkUncoveredTagManifests();
        SignatureCheck check;
        try {
            check = signatures.check(signedFile.content(), p7s.content(), trust);
        } catch (RuntimeException e) {
            error("E_SIGNATURE_INVALID", SIGNATURE, "could not be checked: " + e.getMessage());
            return SignatureOutcome.NONE;
        }
        String problems = check.problems() == null || check.problems().isEmpty() ? ""
                : ": " + String.join("; ", check.problems());
        if (!check.valid()) {
            error("E_SIGNATURE_INVALID", SIGNATURE, "does not verify over " + TAG_MANIFEST_SIGNED + problems);
        }
        BagFile pem = files.get("signature/signer.pem");
        if (pem != null) {
            if (pem.content() == null) {
                error("E_SIGNATURE_FILES", "signature/signer.pem", "cannot be read: " + pem.readError());
            } else {
                SignerPemCheck.problem(pem.content(), p7s.content())
                        .ifPresent(why -> error("E_SIGNATURE_FILES", "signature/signer.pem", why));
            }
        }
        if (trust != null && !Boolean.TRUE.equals(check.trusted())) {
            error("E_UNTRUSTED", SIGNATURE, "signer " + (check.signerSubject() == null ? "(unknown)" : check.signerSubject())
                    + " does not chain to a certificate in " + trust);
        }
        if (Boolean.FALSE.equals(check.timestampValid())) {
            String tsr = files.keySet().stream().filter(p -> p.startsWith("signature/") && p.endsWith(".tsr"))
                    .findFirst().orElse(SIGNATURE);
            error("E_TIMESTAMP_INVALID", tsr, "the RFC 3161 timestamp does not verify" + problems);
        }
        return new SignatureOutcome(check.valid(), check.signerSubject(), check.trusted(),
                Boolean.FALSE.equals(check.timestampValid()) ? null : check.timestamp());
    }

    /**
     * No checksum covers the other tag manifests (BagIt never lists a tag manifest in another), so in a
     * signed bag they are held to the one form their writer gives them: lower-case hex, two spaces, LF.
     * An edit that keeps their meaning (a hex digit's case) is still an edit of a signed bundle.
     */
    private void checkUncoveredTagManifests() {
        for (Map.Entry<String, BagFile> entry : files.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith("tagmanifest-") || name.equals(TAG_MANIFEST_SIGNED) || entry.getValue().content() == null) {
                continue;
            }
            String text = new String(entry.getValue().content(), java.nio.charset.StandardCharsets.UTF_8);
            boolean canonical = text.isEmpty() || text.endsWith("\n")
                    && text.lines().allMatch(line -> line.matches("[0-9a-f]+  [^ ].*"));
            if (!canonical) {
                error("E_TAG_MANIFEST_EDITED", name, "not in the form it was signed with (lower-case hex, two spaces, "
                        + "LF): no checksum covers this file, and it was edited");
            }
        }
    }

    /** The signature covers tagmanifest-sha512.txt; that must in turn cover bagit.txt, the metadata and every manifest. */
    private void checkSignatureCoverage() {
        Set<String> covered = tagManifests.stream().filter(m -> m.name().equals(TAG_MANIFEST_SIGNED))
                .flatMap(m -> m.matched().stream()).collect(java.util.stream.Collectors.toSet());
        List<String> required = new ArrayList<>();
        required.add(BagitDeclaration.FILE_NAME);
        payloadManifests.forEach(m -> required.add(m.name()));
        for (String metadata : List.of("bag-info.txt", "package-info.txt", "fetch.txt")) {
            if (files.containsKey(metadata)) {
                required.add(metadata);
            }
        }
        for (String path : required) {
            if (files.containsKey(path) && !covered.contains(path)) {
                error("E_SIGNATURE_COVERAGE", path, "not listed in " + TAG_MANIFEST_SIGNED
                        + ", so the signature does not cover it");
            }
        }
    }

    private boolean looksLikeProvkitBundle() {
        boolean madeByProvkit = info.values("Bag-Software-Agent").stream()
                .anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).startsWith("provkit"));
        boolean signatureFolder = otherEntries.contains("signature")
                || files.keySet().stream().anyMatch(p -> p.startsWith("signature/"));
        return madeByProvkit || signatureFolder;
    }

    // ---- findings ------------------------------------------------------------------------------------

    private void add(ReadProblem problem, String path) {
        findings.add(new Finding(problem.code(), problem.isWarning() ? Severity.WARNING : Severity.ERROR, path,
                problem.message()));
    }

    private void error(String code, String path, String message) {
        findings.add(new Finding(code, Severity.ERROR, path, message));
    }

    private void warning(String code, String path, String message) {
        findings.add(new Finding(code, Severity.WARNING, path, message));
    }
}
