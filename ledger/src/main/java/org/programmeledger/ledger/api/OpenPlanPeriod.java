package org.programmeledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a plan period of a programme, such as "2020 - mid-2022". */
public record OpenPlanPeriod(@TargetAggregateIdentifier String periodId, String programmeId, String label, LocalDate startsOn, LocalDate endsOn) {
}
