package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records many commands of one plan period at once, as an import file's rows of that period: each is decided
 * exactly as if it were sent alone, in order, and a refused one records nothing and leaves the rest to be
 * decided. Every event carries the line of the command that caused it. Answered with a {@link BatchOutcome}.
 */
public record RecordPlanPeriodBatch(@TargetAggregateIdentifier String periodId, List<Line> lines) {

    /** One command and the line of the import file it comes from. */
    public record Line(long line, PlanPeriodRecording command) {
    }

    public RecordPlanPeriodBatch {
        lines = List.copyOf(lines);
    }
}
