import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.*;
import java.util.*;
import org.provkit.extract.*;
import org.provkit.provenance.*;

/**
 * CPU per document of extraction and of the provenance analysis, in one thread of one JVM, pass after pass over
 * the files of a folder: pass 0 is what a bundle of that many documents pays (interpreter, compilation), later
 * passes the compiled cost. Thread CPU time, so other processes on the machine disturb it less than wall time.
 *
 *   java -XX:+UseSerialGC -Xmx1g -cp target/provkit.jar bench/PageCost.java DIR PASSES
 *
 * (add the launcher's -XX:Tier4... flags to match a bundle run). See docs/benchmarks.md.
 */
public class PageCost {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int passes = Integer.parseInt(args[1]);
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(dir)) { s.filter(Files::isRegularFile).sorted().forEach(files::add); }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        TikaExtractor ex = new TikaExtractor(TextLimits.defaults());
        ProvenanceAnalyzer an = new ProvenanceAnalyzer();
        Path txt = Files.createTempFile("pc", ".txt");
        for (int p = 0; p < passes; p++) {
            long te = 0, ta = 0, proc0 = os.getProcessCpuTime();
            for (Path f : files) {
                long t0 = mx.getCurrentThreadCpuTime();
                Extraction e = ex.extract(f, txt);
                long t1 = mx.getCurrentThreadCpuTime();
                an.analyze(new SourceDocument(f.getFileName().toString(), f, e.mediaType(), txt, e.metadata(), Set.of()));
                long t2 = mx.getCurrentThreadCpuTime();
                te += t1 - t0; ta += t2 - t1;
            }
            long proc = os.getProcessCpuTime() - proc0;
            System.out.printf("pass %d: extract %.2f ms/doc, analyze %.2f ms/doc, process CPU %.2f ms/doc%n", p,
                    te / 1e6 / files.size(), ta / 1e6 / files.size(), proc / 1e6 / files.size());
        }
    }
}
