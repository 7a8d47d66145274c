package org.programmeledger.ledger.service;

import java.nio.file.Path;
import java.util.List;

/** What importing one file would do, as the API answers it. */
public record DryRunAnswer(String file, String format, int rows, boolean accepted, long events,
                           List<DryRunReport.EventCount> wouldRecord, List<Long> alreadyRecorded,
                           List<RowProblem> problems) {

    public static DryRunAnswer of(String name, DryRunReport report) {
        return new DryRunAnswer(name, report.format() == null ? null : report.format().label(), report.rows(),
                report.accepted(), report.events(), report.wouldRecord(), report.alreadyRecorded(),
                report.problems());
    }

    /** The report again, for a client that prints it as the local dry run does. */
    public DryRunReport report() {
        return new DryRunReport(Path.of(file), ImportFormat.ofLabel(format), rows,
                wouldRecord, alreadyRecorded, problems);
    }
}
