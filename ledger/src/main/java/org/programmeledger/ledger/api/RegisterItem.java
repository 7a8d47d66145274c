package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a numbered co-operation item in a plan period. */
public record RegisterItem(@TargetAggregateIdentifier String periodId, int number, String title, String area, boolean newInPeriod,
                           List<String> leadOrganisations, List<String> participatingOrganisations, String source)
        implements PlanPeriodRecording {
}
