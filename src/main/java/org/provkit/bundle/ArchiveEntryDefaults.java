package org.provkit.bundle;

/** The fixed attributes every archive entry gets, so that the same content gives the same bytes. */
final class ArchiveEntryDefaults {
    static final int FILE_MODE = 0100644;

    private ArchiveEntryDefaults() {
    }
}
