package org.provkit.extract;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.MagicDetector;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Puts an {@link IndexedMagicDetector} in place of the detector of each of Tika's magic match clauses
 * (reflection on tika-core 3.x internals: {@code MimeTypes.magics}, {@code Magic.clause}, the And/Or/
 * MinShouldMatch clauses, {@code MagicMatch.detector}). Where Tika's internals are not as expected the
 * affected clause keeps Tika's detector: detection is then slower, never different.
 */
final class MagicIndexing {

    private static final Map<MimeTypes, List<IndexedMagicDetector>> DONE = new IdentityHashMap<>();

    private MagicIndexing() {
    }

    /** Installs the fast detectors in the media types {@code detector} uses; returns them (idempotent). */
    static synchronized List<IndexedMagicDetector> install(Detector detector) {
        MimeTypes types = mimeTypes(detector);
        if (types == null) {
            return List.of();
        }
        List<IndexedMagicDetector> installed = DONE.get(types);
        if (installed != null) {
            return installed;
        }
        installed = new ArrayList<>();
        try {
            for (Object magic : (Collection<?>) field(MimeTypes.class, "magics").get(types)) {
                visitClause(field(magic.getClass(), "clause").get(magic), installed);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not the Tika this was written for: the clauses replaced so far answer exactly as before.
        }
        installed = List.copyOf(installed);
        DONE.put(types, installed);
        return installed;
    }

    private static MimeTypes mimeTypes(Detector detector) {
        if (detector instanceof MimeTypes types) {
            return types;
        }
        if (detector instanceof CompositeDetector composite) {
            for (Detector child : composite.getDetectors()) {
                MimeTypes types = mimeTypes(child);
                if (types != null) {
                    return types;
                }
            }
        }
        return null;
    }

    private static void visitClause(Object clause, List<IndexedMagicDetector> installed) throws ReflectiveOperationException {
        switch (clause.getClass().getSimpleName()) {
            case "MagicMatch" -> replaceDetector(clause, installed);
            case "AndClause" -> {
                for (Object child : (Object[]) field(clause.getClass(), "clauses").get(clause)) {
                    visitClause(child, installed);
                }
            }
            case "OrClause", "MinShouldMatchClause" -> {
                for (Object child : (Collection<?>) field(clause.getClass(), "clauses").get(clause)) {
                    visitClause(child, installed);
                }
            }
            default -> {
                // an unknown clause keeps its own evaluation
            }
        }
    }

    private static void replaceDetector(Object match, List<IndexedMagicDetector> installed) throws ReflectiveOperationException {
        Method getDetector = match.getClass().getDeclaredMethod("getDetector");
        getDetector.setAccessible(true);
        MagicDetector tika = (MagicDetector) getDetector.invoke(match);
        if (tika == null || tika instanceof IndexedMagicDetector) {
            return;
        }
        IndexedMagicDetector fast = twin(tika);
        if (fast != null) {
            field(match.getClass(), "detector").set(match, fast);
            installed.add(fast);
        }
    }

    /** The fast twin of one Tika magic detector; null when it cannot be made. */
    static IndexedMagicDetector twin(MagicDetector tika) throws ReflectiveOperationException {
        return IndexedMagicDetector.of(tika, new IndexedMagicDetector.MagicDetectorFields(
                (MediaType) read(tika, "type"), (byte[]) read(tika, "pattern"), (byte[]) read(tika, "mask"),
                (int) read(tika, "length"), (int) read(tika, "offsetRangeBegin"), (int) read(tika, "offsetRangeEnd"),
                (boolean) read(tika, "isRegex"), (boolean) read(tika, "isStringIgnoreCase")));
    }

    private static Object read(MagicDetector detector, String name) throws ReflectiveOperationException {
        return field(MagicDetector.class, name).get(detector);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
