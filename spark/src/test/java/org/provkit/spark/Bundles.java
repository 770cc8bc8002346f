package org.provkit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Test helpers: a bundle's entries, the job's outputs through DuckDB, commands of other tools. */
final class Bundles {

    private Bundles() {
    }

    static Map<String, byte[]> entries(Path tar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream tarIn = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tarIn.getNextEntry()) != null) {
                entries.put(entry.getName(), tarIn.readAllBytes());
            }
        }
        return entries;
    }

    /** Unpacks a bundle into {@code dir} and validates the bag with bagit-java, an independent BagIt tool. */
    static void assertValidForBagitJava(Path tar, Path dir) throws Exception {
        Path bagDir = null;
        for (Map.Entry<String, byte[]> entry : entries(tar).entrySet()) {
            Path file = dir.resolve(entry.getKey()).normalize();
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
            bagDir = dir.resolve(entry.getKey().substring(0, entry.getKey().indexOf('/')));
        }
        gov.loc.repository.bagit.domain.Bag bag = new gov.loc.repository.bagit.reader.BagReader().read(bagDir);
        try (gov.loc.repository.bagit.verify.BagVerifier verifier = new gov.loc.repository.bagit.verify.BagVerifier()) {
            verifier.isValid(bag, false);
        }
    }

    static List<Path> tars(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tar")).sorted().toList();
        }
    }

    /** One value from DuckDB, an independent Parquet reader, e.g. {@code SELECT count(*) FROM read_parquet('…')}. */
    static Object duckdb(String sql) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getObject(1);
        }
    }

    static long count(String sql) throws Exception {
        return ((Number) duckdb(sql)).longValue();
    }

    static String parquet(Path folder) {
        return "read_parquet('" + folder.toAbsolutePath() + "/*.parquet')";
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command in {@code dir}; its exit code and output together. */
    record Command(int exitCode, String output) {
    }

    static Command command(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return new Command(process.exitValue(), output);
    }
}
