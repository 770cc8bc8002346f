package org.provkit.bundle;

import org.provkit.ProvkitException;

/** Rules for bundle names: one safe path segment, since the name is the bag's top folder. */
public final class BundleNames {

    private BundleNames() {
    }

    public static void check(String name) {
        if (name.isEmpty() || name.length() > 200 || name.equals(".") || name.equals("..") || name.startsWith(".")
                || !name.matches("[\\p{L}\\p{N}._+@=-]+")) {
            throw ProvkitException.usage("bundle name '" + name + "' is not usable: letters, digits, '.', '-', '_', '+', '@', '=' only, "
                    + "not starting with '.', at most 200 characters");
        }
    }

    /** A folder or file name made usable as a bundle name. */
    static String sanitize(String name) {
        String safe = name.replaceAll("[^\\p{L}\\p{N}._+@=-]+", "_").replaceAll("^[._]+", "");
        if (safe.isEmpty()) {
            return "bundle";
        }
        return safe.length() > 100 ? safe.substring(0, 100) : safe;
    }
}
