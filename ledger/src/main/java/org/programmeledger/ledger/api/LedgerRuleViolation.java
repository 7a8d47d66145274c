package org.programmeledger.ledger.api;

/** A command refused by a rule of the ledger; the message says which rule, in the secretariat's words. */
public class LedgerRuleViolation extends RuntimeException {

    public LedgerRuleViolation(String message) {
        super(message);
    }
}
