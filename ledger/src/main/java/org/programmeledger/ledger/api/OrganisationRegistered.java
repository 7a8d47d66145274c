package org.programmeledger.ledger.api;

import org.axonframework.serialization.Revision;

/** An organisation was registered. */
@Revision("1")
public record OrganisationRegistered(String organisationId, String name, String abbreviation, Side side) {
}
