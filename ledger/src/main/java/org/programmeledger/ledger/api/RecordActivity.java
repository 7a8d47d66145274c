package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a co-operation activity under an item of a plan period. */
public record RecordActivity(@TargetAggregateIdentifier String periodId, String activityId, int itemNumber, ActivityKind kind,
                             String title, List<String> organisers, List<String> supporters, ActivityMode mode,
                             Extent date, String source) implements PlanPeriodRecording {
}
