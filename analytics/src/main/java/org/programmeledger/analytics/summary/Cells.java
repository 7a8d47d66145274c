package org.programmeledger.analytics.summary;

import java.math.BigDecimal;
import org.programmeledger.analytics.aggregation.Combined;

/** The total columns of a line: empty where the bounds give no number. */
final class Cells {

    private Cells() {
    }

    static String total(Combined line) {
        return plain(line.bound().value());
    }

    static String high(Combined line) {
        return plain(line.bound().high());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
