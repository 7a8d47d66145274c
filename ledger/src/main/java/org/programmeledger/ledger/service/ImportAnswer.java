package org.programmeledger.ledger.service;

import java.util.List;

/** What an import of one file did, as the API answers it. */
public record ImportAnswer(String file, String format, int rows, long eventsRecorded, boolean accepted,
                           List<RowProblem> problems) {

    public static ImportAnswer of(String name, ImportReport report) {
        return new ImportAnswer(name, report.format() == null ? null : report.format().label(), report.rows(),
                report.eventsRecorded(), report.accepted(), report.problems());
    }
}
