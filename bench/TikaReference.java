import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

/**
 * The reference of issue 15's fidelity figures: what plain Tika gives for each file of a folder, with
 * no limit on text. Two ways, both as Tika documents them:
 * <ul>
 *   <li>{@code body}: {@link AutoDetectParser} into an unlimited {@link BodyContentHandler}, the parser
 *       also set in the context so embedded documents are parsed into the same text (what
 *       {@code tika-app -t} does);</li>
 *   <li>{@code recursive}: {@link RecursiveParserWrapper} with an unlimited text handler and no cap on
 *       embedded documents: the sum of every document's {@code X-TIKA:content}.</li>
 * </ul>
 * Appends one tab-separated line per file to OUTPUT: relative path, bytes, media type, body characters,
 * recursive characters, recursive documents, and the first exception (or "-"). Files in sorted order;
 * files already in OUTPUT are skipped, so a run can resume. A parse that takes longer than SECONDS is
 * recorded as "timeout" and the JVM exits with status 3 (a hung parser thread cannot be stopped): run
 * it again until it exits 0 (bench/tika-fidelity.sh does).
 *
 * <pre>java -Xmx2g -cp CLASSPATH bench/TikaReference.java FOLDER SECONDS OUTPUT</pre>
 */
public final class TikaReference {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        Path output = Path.of(args[2]);
        Set<String> done = new HashSet<>();
        if (Files.exists(output)) {
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                done.add(line.split("\t", 2)[0]);
            }
        }
        AutoDetectParser parser = new AutoDetectParser();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            for (Path file : files) {
                String relative = root.relativize(file).toString();
                if (done.contains(relative)) {
                    continue;
                }
                Future<String> result = pool.submit(() -> measure(parser, file));
                try {
                    out.println(relative + "\t" + Files.size(file) + "\t" + result.get(seconds, TimeUnit.SECONDS));
                } catch (TimeoutException e) {
                    // a hung parser thread cannot be stopped: record it, and let the caller start a new JVM
                    out.println(relative + "\t" + Files.size(file) + "\t-\t-1\t-1\t-1\ttimeout");
                    out.flush();
                    System.exit(3);
                }
            }
        }
        System.exit(0);
    }

    private static String measure(AutoDetectParser parser, Path file) {
        String firstProblem = null;
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        BodyContentHandler body = new BodyContentHandler(-1);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, body, metadata, context);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            firstProblem = e.getClass().getSimpleName();
        }
        long bodyChars = body.toString().length();
        String type = String.valueOf(metadata.get(Metadata.CONTENT_TYPE)).split(";")[0].strip();

        RecursiveParserWrapper wrapper = new RecursiveParserWrapper(parser);
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, -1), -1);
        Metadata top = new Metadata();
        top.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (InputStream in = TikaInputStream.get(file)) {
            wrapper.parse(in, handler, top, new ParseContext());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            if (firstProblem == null) {
                firstProblem = e.getClass().getSimpleName();
            }
        }
        long recursiveChars = 0;
        List<Metadata> documents = handler.getMetadataList();
        for (Metadata m : documents) {
            String content = m.get(TikaCoreProperties.TIKA_CONTENT);
            recursiveChars += content == null ? 0 : content.length();
        }
        return type + "\t" + bodyChars + "\t" + recursiveChars + "\t" + documents.size() + "\t"
                + (firstProblem == null ? "-" : firstProblem);
    }

    private TikaReference() {
    }
}
