package org.provkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Windows' rules for a file or folder name (Microsoft's "Naming Files, Paths, and Namespaces"), written
 * here on their own so tests can hold provkit's portable names against them: no character below 32 and
 * none of {@code < > : " / \ | ? *}; no final dot or space; no device name (CON, PRN, AUX, NUL, COM0-9,
 * LPT0-9, with superscript 1-3, CONIN$, CONOUT$), with or without an extension, trailing blanks
 * ignored; at most 255 UTF-16 units. BagIt tools add their own: no '%' (bagit-python and bagit-java do
 * not decode {@code %25}), no CR or LF.
 */
public final class WindowsNames {

    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$");

    private WindowsNames() {
    }

    /** What is wrong with {@code path} ('/'-separated) on Windows or for BagIt tools; empty when nothing. */
    public static List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        for (String name : path.split("/", -1)) {
            if (name.isEmpty()) {
                problems.add("empty name in " + path);
                continue;
            }
            for (char c : name.toCharArray()) {
                if (c < 32 || "<>:\"\\|?*%".indexOf(c) >= 0) {
                    problems.add("character " + (int) c + " in '" + name + "'");
                }
            }
            char last = name.charAt(name.length() - 1);
            if (last == '.' || last == ' ') {
                problems.add("ends with '" + last + "': '" + name + "'");
            }
            String base = name.split("\\.", 2)[0].replaceAll(" +$", "").toUpperCase(Locale.ROOT);
            if (DEVICES.contains(base) || base.matches("(COM|LPT)[0-9\u00B9\u00B2\u00B3]")) {
                problems.add("device name: '" + name + "'");
            }
            if (name.length() > 255) {
                problems.add("longer than 255 UTF-16 units: '" + name.substring(0, 20) + "…'");
            }
        }
        return problems;
    }
}
