package org.programmeledger.analytics.summary;

import java.math.BigDecimal;

/** A number column: empty where a line gives no number (mixed bounds, a dispute, no high end). */
final class Cells {

    private Cells() {
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
