package org.programmeledger.ledger.service;

/** A publication asked for by number that the ledger does not hold: the asker's mistake, said with what there is. */
public class NoSuchPublication extends IllegalArgumentException {

    public NoSuchPublication(String message) {
        super(message);
    }
}
