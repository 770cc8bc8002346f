package org.provkit.bundle;

/** Where a document's files go inside a bundle (DESIGN.md, "Bundle layout"). */
public final class BagPaths {
    public static final String PROVENANCE = "data/provenance.json";
    public static final String SIGNATURE_FOLDER = "signature/";

    private BagPaths() {
    }

    public static String original(String recordedPath) {
        return "data/originals/" + recordedPath;
    }

    public static String text(String recordedPath) {
        return "data/text/" + recordedPath + ".txt";
    }

    public static String record(String recordedPath) {
        return "data/records/" + recordedPath + ".json";
    }
}
