package org.programmeledger.ledger.api;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a fact of the programme itself, in no plan period and of no item: a meeting of the Expert Group, an
 * endorsement, a total since the programme began. An unstated extent stays unstated: it is never placed in a
 * period by a guessed date; {@code dateLabel} says how the source places it ("the 14th meeting").
 */
public record RecordProgrammeFigure(@TargetAggregateIdentifier String programmeId, String figureId, String metric,
                                    BigDecimal value, BigDecimal valueHigh, String unit, Qualifier qualifier,
                                    Side side, Extent extent, String dateLabel, Basis basis, String partOf,
                                    String source, SourceReference sourceReference)
        implements ProgrammeRecording {
}
