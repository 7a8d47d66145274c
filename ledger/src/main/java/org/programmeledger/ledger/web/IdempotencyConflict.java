package org.programmeledger.ledger.web;

/** An Idempotency-Key sent again with another request body. */
public class IdempotencyConflict extends RuntimeException {

    public IdempotencyConflict(String key) {
        super("Idempotency-Key '" + key + "' was already used for another request; use a new key");
    }
}
