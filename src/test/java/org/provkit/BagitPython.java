package org.provkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs bagit-python 1.9.0's validation ({@code src/test/resources/interop/bagit.py}, unchanged) on a bag
 * folder: the validator most archivists use, independent of provkit. Needs python3 (standard library).
 */
public final class BagitPython {

    private static final String RUNNER = String.join("\n",
            "import importlib.metadata, sys",
            "real = importlib.metadata.version",
            "importlib.metadata.version = lambda name: '1.9.0' if name == 'bagit' else real(name)",
            "sys.path.insert(0, sys.argv[1])",
            "import bagit",
            "try:",
            "    bagit.Bag(sys.argv[2]).validate()",
            "    print('valid')",
            "except bagit.BagValidationError as e:",
            "    print('invalid:', e, [str(d) for d in e.details][:20])",
            "    sys.exit(1)",
            "except bagit.BagError as e:",
            "    print('error:', e)",
            "    sys.exit(1)");

    public record Result(boolean valid, String output) {
    }

    private BagitPython() {
    }

    public static boolean available() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static Result validate(Path bag) throws IOException, InterruptedException {
        Path copy = Path.of("src/test/resources/interop").toAbsolutePath();
        Process process = new ProcessBuilder(List.of("python3", "-c", RUNNER, copy.toString(), bag.toString()))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(false, "bagit.py did not finish in 300 s");
        }
        return new Result(process.exitValue() == 0 && output.strip().endsWith("valid") && !output.contains("invalid"), output);
    }
}
