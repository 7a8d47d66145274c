package org.programmeledger.analytics.reads;

import java.util.List;

/** What a replay of the views did: the position rebuilt to, the rows rebuilt, and every difference found. */
public record ReplayReport(long position, long rows, List<String> differences) {

    public boolean identical() {
        return differences.isEmpty();
    }
}
