package org.provkit.audit;

import java.io.IOException;
import java.io.OutputStream;

import org.provkit.Json;

/** {@code audit --json}: the {@link AuditReport} as one JSON object. */
public final class JsonReport {

    private JsonReport() {
    }

    public static void write(AuditReport report, OutputStream out) throws IOException {
        Json.mapper().writeValue(out, report);
        out.write('\n');
        out.flush();
    }
}
