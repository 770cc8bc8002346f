package org.provkit.catalog;

import org.provkit.ExitCode;
import org.provkit.ProvkitException;

/** The catalog database could not be read or written (disk full, a locked or damaged file). */
public class CatalogException extends ProvkitException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message, Throwable cause) {
        super(ExitCode.UNREADABLE, message, cause);
    }
}
