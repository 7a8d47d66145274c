package org.programmeledger.ledger.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What importing one file would do, found by running it and rolling it back: the events it would record,
 * counted by item and kind; the rows already in the ledger, which would record nothing; and the rows
 * that would be refused, which would make the whole file record nothing.
 *
 * @param alreadyRecorded the lines whose command is already in the ledger (an idempotent repeat)
 */
public record DryRunReport(Path file, ImportFormat format, int rows, List<EventCount> wouldRecord,
                           List<Long> alreadyRecorded, List<RowProblem> problems) {

    /**
     * @param item the item the events concern, or null for programmes, organisations and plan periods
     * @param event the kind of event, e.g. FigureRecorded
     */
    public record EventCount(Integer item, String event, long count) {
    }

    public boolean accepted() {
        return problems.isEmpty();
    }

    public long events() {
        return wouldRecord.stream().mapToLong(EventCount::count).sum();
    }

    /** The report as lines for a terminal. */
    public List<String> lines() {
        String name = file.getFileName().toString();
        if (!accepted()) {
            return Stream.concat(Stream.of(String.format(
                            "  %-26s would be refused, recording nothing:", name)),
                    problems.stream().map(problem -> "    " + problem)).toList();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("  %-26s %-17s %4d rows: would record %d events", name, format.label(), rows,
                events()));
        wouldRecord.forEach(count -> lines.add("    " + (count.item() == null ? "" : "item " + count.item() + ": ")
                + count.event() + " x " + count.count()));
        if (!alreadyRecorded.isEmpty()) {
            lines.add("    already recorded, nothing new: " + alreadyRecorded.size() + " row"
                    + (alreadyRecorded.size() == 1 ? "" : "s") + " (line" + (alreadyRecorded.size() == 1 ? " " : "s ")
                    + String.join(", ", alreadyRecorded.stream().map(String::valueOf).toList()) + ")");
        }
        return lines;
    }
}
