package org.programmeledger.ledger.api;

import java.math.BigDecimal;

/**
 * How a stated value relates to the true one. Totals keep the weakest claim their parts allow:
 * a lower bound anywhere makes the total a lower bound ("more than 250" + "about 470" is
 * "more than 720"), otherwise an approximation anywhere makes it approximate.
 */
public enum Qualifier {
    EXACTLY("exactly", ""),
    ABOUT("about", "about "),
    AT_LEAST("at-least", "at least "),
    MORE_THAN("more-than", "more than ");

    private final String code;
    private final String prefix;

    Qualifier(String code, String prefix) {
        this.code = code;
        this.prefix = prefix;
    }

    public String code() {
        return code;
    }

    public static Qualifier fromCode(String code) {
        return Codes.fromCode(Qualifier.class, values(), Qualifier::code, code);
    }

    /** The qualifier of a sum of a value qualified by this and one qualified by {@code other}. */
    public Qualifier combine(Qualifier other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** The value as a reader would say it, e.g. "more than 6980000". */
    public String phrase(BigDecimal value) {
        return prefix + value.toPlainString();
    }
}
