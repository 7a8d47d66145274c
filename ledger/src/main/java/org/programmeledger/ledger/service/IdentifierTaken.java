package org.programmeledger.ledger.service;

import org.axonframework.eventsourcing.IncompatibleAggregateException;

/**
 * Tells a command refused because its identifier is another kind of record's. Every kind of record shares one space
 * of identifiers, and a record loaded under another kind's identifier is built from that record's events, which
 * leave it without an identifier: Axon then refuses it with {@link IncompatibleAggregateException}.
 */
public final class IdentifierTaken {

    public static final String REASON = "the identifier is already taken by another kind of record of the ledger";

    private IdentifierTaken() {
    }

    public static boolean refused(Throwable failure) {
        return failure instanceof IncompatibleAggregateException;
    }
}
