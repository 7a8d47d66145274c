package org.programmeledger.ledger.service;

import java.util.Optional;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Tells a command refused because its identifier is another record's. Every kind of record shares one space of
 * identifiers: a record created under a taken identifier collides with the other's first event, and one loaded
 * under it is built from the other's events, which leave it without an identifier.
 */
public final class IdentifierTaken {

    private IdentifierTaken() {
    }

    /** Why the command was refused, if its identifier is another record's. */
    public static Optional<String> reason(Throwable failure) {
        if (failure instanceof AggregateStreamCreationException) {
            return Optional.of(failure.getMessage());
        }
        if (failure instanceof IncompatibleAggregateException) {
            return Optional.of("the identifier is already taken by another kind of record of the ledger");
        }
        return Optional.empty();
    }
}
