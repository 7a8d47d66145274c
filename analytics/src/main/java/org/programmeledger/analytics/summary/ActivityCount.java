package org.programmeledger.analytics.summary;

import java.util.List;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;

/** How many activities of one kind and mode took place inside the period, or reach beyond it. */
record ActivityCount(ReportingPeriod period, boolean spanning, ActivityKind kind, ActivityMode mode, int activities) {

    static final List<String> HEADER = List.of("period", "period_start", "period_end", "placement", "kind", "mode",
            "activities");

    List<Object> cells() {
        return List.of(period.name(), period.from(), period.to(), spanning ? "spanning" : "within", kind.code(),
                mode.code(), activities);
    }
}
