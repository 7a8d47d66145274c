package org.programmeledger.analytics.output;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an output was built from: the job and its parameters, the ledger position the views had
 * reached and when the event at that position was recorded, and the SHA-256 of the output's bytes.
 * Written beside each output as {@code <file>.provenance.json}, so that the output itself stays
 * byte-identical for the same events.
 */
public record Provenance(String output, String job, Map<String, String> parameters, long ledgerPosition,
                         String recordedAt, String sha256) {

    public Provenance {
        parameters = new TreeMap<>(parameters);
    }

    /** The line that charts and reports print so a reader can see where the figures come from. */
    public static String sourceLine(long ledgerPosition) {
        return "Source: Programme Ledger, events up to ledger position " + ledgerPosition;
    }
}
