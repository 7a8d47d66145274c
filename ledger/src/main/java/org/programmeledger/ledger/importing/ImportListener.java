package org.programmeledger.ledger.importing;

import java.nio.file.Path;

/** Follows an import as it goes, for progress bars and summaries. */
public interface ImportListener {

    ImportListener SILENT = new ImportListener() {
    };

    /** A row of a file was sent through the command bus (it may still be rolled back with its file). */
    default void rowDone(Path file, int done, int total) {
    }

    default void fileDone(ImportReport report) {
    }
}
