package org.programmeledger.ledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers an organisation that items and activities may name. */
public record RegisterOrganisation(@TargetAggregateIdentifier String organisationId, String name, String abbreviation, Side side) {
}
