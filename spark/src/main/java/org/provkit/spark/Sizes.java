package org.provkit.spark;

import java.util.Locale;

import org.provkit.ProvkitException;

/** Sizes as people write them: {@code 500m}, {@code 2g}, {@code 1.5G}, {@code 4096}. */
final class Sizes {

    private Sizes() {
    }

    static long parse(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                case 't' -> unit = 1L << 40;
                default -> unit = 1;
            }
        }
        String number = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            double value = Double.parseDouble(number);
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return (long) (value * unit);
        } catch (NumberFormatException e) {
            throw ProvkitException.usage(option + ": '" + text + "' is not a size (e.g. 500m, 2g)");
        }
    }
}
