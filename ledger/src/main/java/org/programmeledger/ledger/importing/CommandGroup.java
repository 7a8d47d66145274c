package org.programmeledger.ledger.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.programmeledger.ledger.api.PlanPeriodRecording;
import org.programmeledger.ledger.api.RecordPlanPeriodBatch;
import org.programmeledger.ledger.importing.LedgerImporter.LineCommand;

/**
 * The rows of a file that go to one aggregate together: the rows of one plan period, in the file's order, as
 * one {@link RecordPlanPeriodBatch}; any other row alone, as the command it is (a programme, an organisation
 * or a metric file names a new aggregate on nearly every row).
 */
record CommandGroup(List<LineCommand> lines) {

    /** The rows in groups, each aggregate's group where its first row is. */
    static List<CommandGroup> byAggregate(List<LineCommand> rows) {
        Map<Object, List<LineCommand>> groups = new LinkedHashMap<>();
        for (LineCommand row : rows) {
            Object key = row.command() instanceof PlanPeriodRecording recording ? recording.periodId() : row;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return groups.values().stream().map(CommandGroup::new).toList();
    }

    boolean batched() {
        return lines.get(0).command() instanceof PlanPeriodRecording;
    }

    /** The command that decides the group: the batch, or the one row's own command. */
    Object command() {
        if (!batched()) {
            return lines.get(0).command();
        }
        String periodId = ((PlanPeriodRecording) lines.get(0).command()).periodId();
        return new RecordPlanPeriodBatch(periodId, lines.stream()
                .map(row -> new RecordPlanPeriodBatch.Line(row.line(), (PlanPeriodRecording) row.command()))
                .toList());
    }

    int size() {
        return lines.size();
    }
}
