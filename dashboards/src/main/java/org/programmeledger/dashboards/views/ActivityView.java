package org.programmeledger.dashboards.views;

import java.util.List;
import org.programmeledger.ledger.api.Extent;

/** An activity with its organisers and supporters by name, and its date with the precision stated. */
public record ActivityView(String activityId, int itemNumber, String kind, String title, List<String> organisers,
                           List<String> supporters, String mode, Extent date, boolean retracted) {

    /** The kind as words: "breakout session", "joint operation". */
    public String kindLabel() {
        return kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    public String modeLabel() {
        return mode.toLowerCase(java.util.Locale.ROOT);
    }

    public String precisionLabel() {
        return date.precision().name().toLowerCase(java.util.Locale.ROOT);
    }
}
