package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A numbered co-operation item was registered in a plan period. */
@Revision("1")
public record ItemRegistered(String periodId, int number, String title, String area, boolean newInPeriod,
                             List<String> leadOrganisations, List<String> participatingOrganisations, String source) {
}
