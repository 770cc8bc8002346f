package org.provkit.extract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.provkit.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Runs Tika in a small pool of child JVMs, each with a bounded heap. A file whose parse exceeds its
 * time limit, exhausts the child's memory or kills it costs that file's text, never the run: the child
 * is replaced, the file is still checksummed and archived, and its record says what happened.
 * Children start on first use: {@link RoutingExtractor} sends them only the formats that are not
 * safe to parse in provkit's own JVM.
 */
public final class ForkedExtractor implements Extractor {

    /** How the children are started. */
    public record Settings(int workers, TextLimits limits, String maxHeap, List<String> extraJvmOptions) {
        public static Settings defaults(int workers) {
            return new Settings(workers, TextLimits.defaults(), "512m", List.of());
        }
    }

    private static final String EOF = "\u0000eof";
    /** Stands for an answer line longer than {@link #maxAnswerBytes}, which was read past and dropped. */
    private static final String TOO_LARGE = "\u0000too-large";
    /**
     * An answer is one line of JSON: the detected type, or the extraction with its metadata. Real ones are
     * kilobytes; one of 64 MB is a parser gone wrong (a title of a million lines), and reading it whole
     * could exhaust this JVM, so it costs that file its text instead.
     */
    static final int MAX_ANSWER_BYTES = 64 << 20;

    /** Starts one child process. */
    @FunctionalInterface
    interface ChildLauncher {
        Process start() throws IOException;
    }

    private final Settings settings;
    private final ChildLauncher launcher;
    private final int maxAnswerBytes;
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
    private final AtomicInteger started = new AtomicInteger();
    private final List<Worker> all = new ArrayList<>();
    /** At most this many children run at once; see {@link #expect}. */
    private volatile int maxChildren;
    /** Each child's heap once {@link #expect(long, long, ChildMemory)} has sized them; null: the settings' heap. */
    private volatile ChildMemory memory;

    /** A second child starts only for more files than this, or more bytes than {@link #SECOND_CHILD_BYTES}. */
    static final int SECOND_CHILD_FILES = 4;
    static final long SECOND_CHILD_BYTES = 4L << 20;

    public ForkedExtractor(Settings settings) {
        this.settings = settings;
        this.maxChildren = settings.workers();
        this.launcher = this::start;
        this.maxAnswerBytes = MAX_ANSWER_BYTES;
    }

    /** With children started by {@code launcher} (tests stand in for a child that misbehaves). */
    ForkedExtractor(Settings settings, ChildLauncher launcher, int maxAnswerBytes) {
        this.settings = settings;
        this.maxChildren = settings.workers();
        this.launcher = launcher;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /**
     * Tells the extractor how many files (and bytes) of the run will probably need a child, from their
     * names: none leaves it as it is, children started as files need them. Otherwise the first child
     * starts now ({@link #prestart}); and a few small files get one child, not one per thread, because
     * a child costs most of a second of CPU to start, more than such files take to parse (a PDF, a
     * DOCX and an e-mail: 1.8 -> 1.7 s; three small PDFs, an ODT and a text file: 1.4 or 1.75 s, as the
     * second thread did or did not start its own child, -> 1.5 s every time).
     */
    public void expect(long files, long bytes) {
        if (files <= 0) {
            return;
        }
        maxChildren = files > SECOND_CHILD_FILES || bytes > SECOND_CHILD_BYTES ? settings.workers() : 1;
        prestart();
    }

    /**
     * As {@link #expect(long, long)}, with children sized to the run's work: their heap, and at most as many
     * at once as {@code memory} allows.
     */
    public void expect(long files, long bytes, ChildMemory memory) {
        this.memory = memory;
        this.maxChildren = Math.min(settings.workers(), memory.children());
        expect(files, bytes);
        this.maxChildren = Math.min(maxChildren, memory.children());
    }

    int maxChildren() {
        return maxChildren;
    }

    @Override
    public Extraction extract(Path file, Path textFile) throws IOException {
        Worker worker = borrow();
        boolean healthy = false;
        try {
            Extraction extraction = worker.extract(file, textFile, timeoutFor(file));
            healthy = worker.alive();
            return extraction;
        } finally {
            if (healthy) {
                idle.add(worker);
            } else {
                worker.kill();
                synchronized (all) {
                    all.remove(worker);
                }
                started.decrementAndGet();
            }
        }
    }

    /**
     * Starts a child now rather than when the first file needs one, so its start (about half a second
     * of loading Tika) overlaps the caller's own start-up. Does nothing when every child is running.
     * A child that cannot start is not an error here: the first file that needs one tries again and
     * reports why.
     */
    public void prestart() {
        if (started.incrementAndGet() > maxChildren) {
            started.decrementAndGet();
            return;
        }
        try {
            idle.add(startWorker());
        } catch (IOException e) {
            started.decrementAndGet();
        }
    }

    /** The parse time a file gets: the base limit plus time to read it at a slow 5 MB/s. */
    private Duration timeoutFor(Path file) throws IOException {
        return settings.limits().timeout().plusMillis(Files.size(file) / 5_000);
    }

    private Worker borrow() throws IOException {
        while (true) {
            Worker worker = idle.poll();
            if (worker != null) {
                return worker;
            }
            if (started.incrementAndGet() <= maxChildren) {
                return startWorker();
            }
            started.decrementAndGet();
            try {
                // Not take(): with fewer children than threads, a child that dies frees a place that
                // no idle child will announce; looking again now and then starts its successor.
                worker = idle.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for an extraction process", e);
            }
            if (worker != null) {
                return worker;
            }
        }
    }

    /** A new child, counted in {@link #all} (the caller has counted it in {@link #started}). */
    private Worker startWorker() throws IOException {
        Worker fresh = new Worker(launcher.start(), maxAnswerBytes);
        synchronized (all) {
            all.add(fresh);
        }
        return fresh;
    }

    private Process start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ChildMemory sized = memory;
        if (sized != null) {
            command.addAll(sized.jvmOptions());
        } else {
            command.add("-Xmx" + settings.maxHeap());
        }
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        command.add("-Xss4m");
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(InheritedJvmOptions.current());
        command.addAll(settings.extraJvmOptions());
        command.add("-cp");
        command.add(ChildClassPath.current());
        command.add(ExtractionWorker.class.getName());
        command.add(Long.toString(settings.limits().maxTextChars()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // glibc gives each thread that allocates its own malloc arena: tens of MB of a child's memory for nothing
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    @Override
    public void close() {
        synchronized (all) {
            for (Worker worker : all) {
                worker.errors.stopping();
                worker.kill();
            }
            all.clear();
        }
        idle.clear();
    }

    /** One child process and the thread that reads its answers. */
    private static final class Worker {
        private final Process process;
        private final Writer requests;
        private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        private final ChildErrorLog errors;
        private final int maxAnswerBytes;

        Worker(Process process, int maxAnswerBytes) {
            this.process = process;
            this.errors = ChildErrorLog.drain(process);
            this.maxAnswerBytes = maxAnswerBytes;
            this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> readAnswers(process.getInputStream(), maxAnswerBytes), "provkit-extract-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void readAnswers(InputStream in, int maxAnswerBytes) {
            try (BoundedLines lines = new BoundedLines(in, maxAnswerBytes)) {
                String line;
                while ((line = lines.next()) != null) {
                    if (line.equals(BoundedLines.TOO_LONG)) {
                        answers.add(TOO_LARGE);
                    } else if (line.startsWith(ExtractionWorker.PREFIX)) {
                        answers.add(line.substring(ExtractionWorker.PREFIX.length()));
                    }
                }
            } catch (IOException e) {
                // the process died; EOF below says so
            }
            answers.add(EOF);
        }

        boolean alive() {
            return process.isAlive();
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                // Dead before anyone rewrites the text file it may still have been writing.
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Whatever the child does (answers with an error, garbles or floods its answer, dies, stops reading
         * its requests, overruns the time limit), the file gets a FAILED extraction with a warning saying
         * what happened; only a source or text file this JVM cannot read or write itself is an exception.
         */
        Extraction extract(Path file, Path textFile, Duration timeout) throws IOException {
            String request = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    Map.of("file", file.toAbsolutePath().toString(), "text", textFile.toAbsolutePath().toString()));
            try {
                requests.write(request);
                requests.write('\n');
                requests.flush();
            } catch (IOException e) {
                kill();
                return Fallback.failed(file, textFile, "application/octet-stream",
                        "the extraction process could not be reached; the file is archived without text");
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            String detected = "application/octet-stream";
            try {
                String first = answers.poll(remaining(deadline), TimeUnit.NANOSECONDS);
                if (first != null && !first.equals(EOF) && !first.equals(TOO_LARGE)) {
                    JsonNode announced = readAnswer(first);
                    if (announced == null) {
                        return garbled(file, textFile, detected);
                    }
                    detected = announced.path("detected").asText(detected);
                    String second = answers.poll(remaining(deadline), TimeUnit.NANOSECONDS);
                    if (second != null && second.equals(TOO_LARGE)) {
                        return Fallback.failed(file, textFile, detected, "the extraction process's answer was larger than "
                                + sizeOf(maxAnswerBytes) + "; the file is archived without text");
                    }
                    if (second != null && !second.equals(EOF)) {
                        return extraction(file, textFile, detected, second);
                    }
                    first = second;
                }
                if (first != null && first.equals(TOO_LARGE)) {
                    return garbled(file, textFile, detected);
                }
                kill();
                String why = first == null
                        ? "text extraction took longer than " + timeout.toSeconds() + " s and was stopped"
                        : "the parser crashed or ran out of memory";
                return Fallback.failed(file, textFile, detected, why + "; the file is archived without text");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IOException("interrupted", e);
            }
        }

        /** The child's final answer: its extraction, or the error it met, as a FAILED extraction. */
        private Extraction extraction(Path file, Path textFile, String detected, String line) throws IOException {
            JsonNode answer = readAnswer(line);
            if (answer == null) {
                return garbled(file, textFile, detected);
            }
            if (answer.has("error")) {
                return Fallback.failed(file, textFile, detected, "text extraction failed: "
                        + ParserMessages.humanize(answer.path("error").asText()) + "; the file is archived without text");
            }
            try {
                Extraction extraction = Json.mapper().treeToValue(answer.path("extraction"), Extraction.class);
                if (extraction == null || extraction.digests() == null || extraction.text() == null) {
                    return garbled(file, textFile, detected);
                }
                return extraction;
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                return garbled(file, textFile, detected);
            }
        }

        /** An answer the protocol cannot read: the child is out of step, so it is replaced. */
        private Extraction garbled(Path file, Path textFile, String detected) throws IOException {
            kill();
            return Fallback.failed(file, textFile, detected,
                    "the extraction process gave an answer that could not be read; the file is archived without text");
        }

        private static String sizeOf(int bytes) {
            return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes + " bytes";
        }

        private static JsonNode readAnswer(String line) {
            try {
                JsonNode node = Json.mapper().readTree(line);
                return node != null && node.isObject() ? node : null;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return null;
            }
        }

        private static long remaining(long deadline) {
            return Math.max(0, deadline - System.nanoTime());
        }
    }

    /** What is recorded for a file whose extraction failed: its checksums, no text, and why. */
    static final class Fallback {
        private Fallback() {
        }

        static Extraction failed(Path file, Path textFile, String mediaType, String why) throws IOException {
            FileDigests digests;
            try (DigestingInputStream in = new DigestingInputStream(Files.newInputStream(file))) {
                digests = in.finish();
            }
            FileDigests text;
            try (TextSink sink = new TextSink(textFile)) {
                sink.stream().flush();
                sink.close();
                text = sink.digests();
            }
            Map<String, List<String>> metadata = new TreeMap<>();
            metadata.put("Content-Type", List.of(mediaType));
            return new Extraction(mediaType, metadata, Extraction.Status.FAILED, List.of(why), 0, digests, text);
        }
    }
}
