package org.programmeledger.analytics.output;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an output was built from: the job and its parameters, the ledger position the views had
 * reached and when the event at that position was recorded, and the SHA-256 of the output's bytes.
 * Written beside each output as {@code <file>.provenance.json}, so that the output itself stays
 * byte-identical for the same events. {@code skipped} names every record the job could not read and
 * left out by its skip policy, so a reader knows the output is incomplete.
 */
public record Provenance(String output, String job, Map<String, String> parameters, long ledgerPosition,
                         String recordedAt, String sha256, List<String> skipped) {

    public Provenance {
        parameters = new TreeMap<>(parameters);
        skipped = List.copyOf(skipped);
    }

    /** The line that charts and reports print so a reader can see where the figures come from. */
    public static String sourceLine(long ledgerPosition) {
        return "Source: Programme Ledger, events up to ledger position " + ledgerPosition;
    }
}
