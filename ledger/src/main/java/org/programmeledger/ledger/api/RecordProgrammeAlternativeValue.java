package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records another source's value for a fact of the programme already recorded, beside the first: the fact is
 * disputed until the secretariat adopts one of its values. The programme's counterpart of
 * {@link RecordAlternativeValue}.
 */
public record RecordProgrammeAlternativeValue(@TargetAggregateIdentifier String programmeId, String figureId,
                                              BigDecimal value, BigDecimal valueHigh, Qualifier qualifier,
                                              String source, SourceReference sourceReference)
        implements ProgrammeRecording {
}
