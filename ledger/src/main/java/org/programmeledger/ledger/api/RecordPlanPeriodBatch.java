package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records many commands of one plan period at once, as an import file's rows of that period: each is decided
 * exactly as if it were sent alone, in order, and a refused one records nothing and leaves the rest to be
 * decided. Every event carries the line of the command that caused it. Answered with a {@link BatchOutcome}.
 */
public record RecordPlanPeriodBatch(@TargetAggregateIdentifier String periodId,
                                    List<BatchLine<PlanPeriodRecording>> lines) {

    public RecordPlanPeriodBatch {
        lines = List.copyOf(lines);
    }
}
