package org.provkit.sign;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real openssl command line, the independent checker of signatures and tokens (tests may reuse it). */
public final class Openssl {

    public record Result(int exitCode, String output) {
    }

    private static Boolean available;

    private Openssl() {
    }

    /** Skips the calling test when there is no openssl on the PATH. */
    public static void assumeAvailable() {
        if (available == null) {
            try {
                available = run("version").exitCode() == 0;
            } catch (RuntimeException e) {
                available = false;
            }
        }
        assumeTrue(available, "openssl is not installed");
    }

    /** {@code openssl cms -verify} of a detached DER signature, the command DESIGN.md gives archivists. */
    public static Result cmsVerify(java.nio.file.Path p7s, java.nio.file.Path content, java.nio.file.Path caFile) {
        return run("cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(), "-content", content.toString(),
                "-CAfile", caFile.toString(), "-out", "/dev/null");
    }

    public static Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl did not finish: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
