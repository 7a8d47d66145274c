package org.programmeledger.ledger.rules;

import org.programmeledger.ledger.api.LedgerRuleViolation;

/** Checks that every aggregate makes the same way, with the same wording. */
public final class Rules {

    private Rules() {
    }

    public static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new LedgerRuleViolation(what + " is required");
        }
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new LedgerRuleViolation(message);
        }
    }
}
