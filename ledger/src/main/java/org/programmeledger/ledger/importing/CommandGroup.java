package org.programmeledger.ledger.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.programmeledger.ledger.api.BatchLine;
import org.programmeledger.ledger.api.PlanPeriodRecording;
import org.programmeledger.ledger.api.ProgrammeRecording;
import org.programmeledger.ledger.api.RecordPlanPeriodBatch;
import org.programmeledger.ledger.api.RecordProgrammeBatch;
import org.programmeledger.ledger.importing.LedgerImporter.LineCommand;

/**
 * The rows of a file that go to one aggregate together: the rows of one plan period, in the file's order, as
 * one {@link RecordPlanPeriodBatch}, and those of one programme's own facts as one {@link RecordProgrammeBatch};
 * any other row alone, as the command it is (an organisation, metric or plan period file names a new aggregate
 * on nearly every row).
 */
record CommandGroup(List<LineCommand> lines) {

    /** Which aggregate a batched row goes to; a plan period and a programme may share an id. */
    private record Target(Class<?> kind, String id) {
    }

    /** The rows in groups, each aggregate's group where its first row is. */
    static List<CommandGroup> byAggregate(List<LineCommand> rows) {
        Map<Object, List<LineCommand>> groups = new LinkedHashMap<>();
        for (LineCommand row : rows) {
            Object key = row;
            if (row.command() instanceof PlanPeriodRecording recording) {
                key = new Target(PlanPeriodRecording.class, recording.periodId());
            } else if (row.command() instanceof ProgrammeRecording recording) {
                key = new Target(ProgrammeRecording.class, recording.programmeId());
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return groups.values().stream().map(CommandGroup::new).toList();
    }

    /** Whether a command goes in a batch of its aggregate's rows. */
    static boolean batches(Object command) {
        return command instanceof PlanPeriodRecording || command instanceof ProgrammeRecording;
    }

    boolean batched() {
        return batches(lines.get(0).command());
    }

    /** The command that decides the group: the batch, or the one row's own command. */
    Object command() {
        Object first = lines.get(0).command();
        if (first instanceof PlanPeriodRecording recording) {
            return new RecordPlanPeriodBatch(recording.periodId(), lines.stream()
                    .map(row -> new BatchLine<>(row.line(), (PlanPeriodRecording) row.command())).toList());
        }
        if (first instanceof ProgrammeRecording recording) {
            return new RecordProgrammeBatch(recording.programmeId(), lines.stream()
                    .map(row -> new BatchLine<>(row.line(), (ProgrammeRecording) row.command())).toList());
        }
        return first;
    }

    int size() {
        return lines.size();
    }
}
