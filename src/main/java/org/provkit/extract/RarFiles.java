package org.provkit.extract;

import java.util.Locale;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * RAR archives are archived byte for byte but not unpacked: the one Java reader Tika can use, junrar,
 * is under the UnRAR licence, which is not an open-source licence (it forbids using the code to
 * re-create RAR compression), and reads only RAR 4 archives anyway. docs/extraction.md says more. Each
 * RAR, on its own or inside another document, gets a warning instead of a silent "ok".
 */
final class RarFiles {

    private RarFiles() {
    }

    static boolean isRar(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String base = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.equals("application/x-rar-compressed") || base.equals("application/x-rar") || base.equals("application/vnd.rar");
    }

    /** The warning for a RAR archive that is itself the source file. */
    static String topLevelWarning() {
        return "RAR not extracted: provkit does not unpack RAR archives (see docs/extraction.md), so the files"
                + " inside have no text in the bundle; the archive itself is kept byte for byte";
    }

    /** The warning for an embedded document that turned out to be a RAR archive; null for any other. */
    static String notExtracted(Metadata embedded) {
        if (!isRar(embedded.get(Metadata.CONTENT_TYPE))) {
            return null;
        }
        String name = embedded.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        return "RAR not extracted: the embedded RAR archive" + (name == null || name.isBlank() ? "" : " '" + name + "'")
                + " was not unpacked (see docs/extraction.md)";
    }
}
