package org.programmeledger.ledger.rules;

import java.util.function.Supplier;
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

    /**
     * As {@link #require(boolean, String)}, the message made only when the rule refuses: dates spelt out and
     * formatted texts, made for every row that passed, were a fifth of an import's rule checks (BENCHMARKS.md round 9).
     */
    public static void require(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new LedgerRuleViolation(message.get());
        }
    }
}
