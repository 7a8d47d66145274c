package org.programmeledger.ledger.service;

import java.nio.file.Path;
import java.util.List;

/**
 * What importing one file did: either every row was recorded (some perhaps already in the ledger,
 * so they recorded nothing new), or nothing was, and {@code problems} says why, line by line.
 *
 * @param format         the kind of file, or null when the header matched no format
 * @param rows           the data rows read
 * @param eventsRecorded the events this import added to the ledger
 */
public record ImportReport(Path file, ImportFormat format, int rows, long eventsRecorded, List<RowProblem> problems) {

    public boolean accepted() {
        return problems.isEmpty();
    }

    public static ImportReport refused(Path file, ImportFormat format, int rows, List<RowProblem> problems) {
        return new ImportReport(file, format, rows, 0, List.copyOf(problems));
    }
}
