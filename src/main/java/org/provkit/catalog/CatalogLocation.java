package org.provkit.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/**
 * Where the catalog of an archives folder lives: {@code DIR/catalog.sqlite}, or a file the user names with
 * {@code --catalog} (for archives on read-only storage, or to keep derived data apart), and how it may be
 * opened. Nothing is ever created in a folder that holds no bundle.
 *
 * @param elsewhere true when the user named the file
 */
public record CatalogLocation(Path archives, Path file, boolean elsewhere) {

    public static CatalogLocation of(Path archives, Path catalogOption) {
        return catalogOption == null ? new CatalogLocation(archives, Catalog.fileIn(archives), false)
                : new CatalogLocation(archives, catalogOption, true);
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** True when the catalog can be created or updated here (its folder takes new files: SQLite's journal). */
    public boolean writable() {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return Files.isDirectory(folder) && Files.isWritable(folder) && (!Files.exists(file) || Files.isWritable(file));
    }

    /**
     * The catalog to bring up to date: opened for writing where it can be written; an existing, current catalog
     * on read-only storage is opened to read (an update that needs to write then says so).
     */
    public Catalog openForUpdate(boolean rebuild) {
        if (writable()) {
            return Catalog.open(file, rebuild);
        }
        if (exists() && !rebuild) {
            try {
                return Catalog.openReadOnly(file);
            } catch (Catalog.Outdated e) {
                throw notWritable("cannot rebuild the catalog " + file + " (made by another version of provkit)");
            }
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (!Files.isDirectory(folder)) {
            throw new ProvkitException(ExitCode.UNREADABLE, "--catalog " + file + ": no folder " + folder);
        }
        throw notWritable("cannot " + (exists() ? "rebuild" : "create") + " the catalog " + file);
    }

    /** "cannot ...: FOLDER is not writable (...); pass --catalog FILE ..." */
    ProvkitException notWritable(String what) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return new ProvkitException(ExitCode.UNREADABLE, what + ": " + folder + " is not writable (read-only storage, or no "
                + "permission)" + (elsewhere ? "" : "; pass --catalog FILE to keep the catalog elsewhere, e.g. --catalog "
                + "~/catalogs/" + archives.toAbsolutePath().normalize().getFileName() + ".sqlite"));
    }

    /**
     * The error for a folder that holds no bundle (and no catalog): nothing is written there. It says what the
     * folder holds instead, and what the user may have meant.
     *
     * @param command "audit" or "search"
     */
    public static ProvkitException noBundles(Path archives, String command) {
        List<String> others = otherFiles(archives);
        String what = command.equals("search") ? "nothing to search" : "nothing to audit";
        if (others.isEmpty()) {
            return new ProvkitException(ExitCode.UNREADABLE, "no bundle in " + archives + " yet, so " + what
                    + " (nothing was written); bundle some documents first: provkit bundle SOURCES -o " + archives);
        }
        return new ProvkitException(ExitCode.UNREADABLE, "no bundle in " + archives + ", so " + what + " (nothing was "
                + "written); it holds " + others.size() + (others.size() == 1 ? " other file" : " other files")
                + ": a folder of sources? 'provkit bundle " + archives + "' bundles them into archives/");
    }

    /** The names in the folder that are neither hidden nor a README (which archives/ comes with). */
    private static List<String> otherFiles(Path archives) {
        try (Stream<Path> children = Files.list(archives)) {
            return children.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.toLowerCase(Locale.ROOT).startsWith("readme"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
