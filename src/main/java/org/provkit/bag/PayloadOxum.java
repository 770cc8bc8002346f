package org.provkit.bag;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Payload-Oxum: <octets>.<files>}: a quick size check of the payload (RFC 8493 §2.2.2). */
public record PayloadOxum(long bytes, long files) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\.(\\d{1,18})");

    public static Optional<PayloadOxum> parse(String value) {
        Matcher m = FORM.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PayloadOxum(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    }

    public String format() {
        return bytes + "." + files;
    }
}
