package org.provkit.extract;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The options of this JVM that an extraction child should run with too: the launcher's class-data-sharing
 * archive and its compiler settings. Without them each child loaded and verified Tika's classes from
 * the jar and compiled with the default thresholds, a second of CPU per child on a handful of small
 * PDFs. Heap, GC and everything else the child sets itself.
 */
final class InheritedJvmOptions {

    private static final List<String> INHERITED_PREFIXES = List.of(
            "-XX:SharedArchiveFile=", "-Xshare:", "-Xlog:cds", "-XX:Tier4", "-XX:CompileCommand=");

    private static volatile List<String> current;

    private InheritedJvmOptions() {
    }

    /** This JVM's options that children inherit (read once, on the first child's start). */
    static List<String> current() {
        List<String> options = current;
        if (options == null) {
            options = select(ManagementFactory.getRuntimeMXBean().getInputArguments());
            current = options;
        }
        return options;
    }

    static List<String> select(List<String> arguments) {
        return arguments.stream().filter(a -> INHERITED_PREFIXES.stream().anyMatch(a::startsWith)).toList();
    }
}
