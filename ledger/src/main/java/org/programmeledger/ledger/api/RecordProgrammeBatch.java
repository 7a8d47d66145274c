package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records many facts of one programme at once, as an import file's rows of that programme, decided as a
 * {@link RecordPlanPeriodBatch}'s are: each as if sent alone, in order. Answered with a {@link BatchOutcome}.
 */
public record RecordProgrammeBatch(@TargetAggregateIdentifier String programmeId,
                                   List<BatchLine<ProgrammeRecording>> lines) {

    public RecordProgrammeBatch {
        lines = List.copyOf(lines);
    }
}
