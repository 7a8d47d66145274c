package org.programmeledger.ledger.api;

/**
 * A command refused because its identifier names another kind of record: programmes, organisations, plan periods,
 * metrics and the rest share one space of identifiers.
 */
public class IdentifierTaken extends LedgerRuleViolation {

    public IdentifierTaken(String identifier, String kind) {
        super("'" + identifier + "' already names " + kind + " of the ledger: every kind of record shares one space of "
                + "identifiers");
    }
}
