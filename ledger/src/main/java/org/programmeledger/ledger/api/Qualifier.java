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
    MORE_THAN("more-than", "more than "),
    AT_MOST("at-most", "at most "),
    LESS_THAN("less-than", "less than "),
    /** Below the value and close to it ("nearly 400"). */
    NEARLY("nearly", "nearly "),
    /** From the value to a high end the figure gives ("between 300 and 400"). */
    BETWEEN("between", "between ");

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

    /** True for the qualifier that needs a high end beside the value. */
    public boolean isRange() {
        return this == BETWEEN;
    }

    /** The value as a reader would say it, e.g. "more than 6980000" or "between 300 and 400". */
    public String phrase(BigDecimal value, BigDecimal high) {
        return isRange() && high != null ? prefix + value.toPlainString() + " and " + high.toPlainString()
                : phrase(value);
    }

    /** The value as a reader would say it, e.g. "more than 6980000". */
    public String phrase(BigDecimal value) {
        return prefix + value.toPlainString();
    }
}
