package org.programmeledger.ledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Establishes a co-operation programme (re-sending the same details changes nothing). */
public record EstablishProgramme(@TargetAggregateIdentifier String programmeId, String name) {
}
