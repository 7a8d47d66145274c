package org.programmeledger.ledger.service;

import java.nio.file.Path;

/** Follows an import as it goes, for progress bars and summaries. */
public interface ImportListener {

    ImportListener SILENT = new ImportListener() {
    };

    /**
     * Rows of a file were sent through the command bus, {@code done} of {@code total} so far: one row, or a plan
     * period's rows in one batch (they may still be rolled back with their file).
     */
    default void rowDone(Path file, int done, int total) {
    }

    default void fileDone(ImportReport report) {
    }
}
