package org.programmeledger.ledger.api;

import java.math.BigDecimal;

/** One written form per number, so the same figure always reads and compares the same. */
public final class FigureValues {

    private FigureValues() {
    }

    /** 183.000 and 1.83E+2 both become 183; 6.98E+6 becomes 6980000. */
    public static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
