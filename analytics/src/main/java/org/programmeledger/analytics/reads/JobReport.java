package org.programmeledger.analytics.reads;

import java.util.List;
import java.util.Map;

/**
 * What a request to run a job came to.
 *
 * @param status      {@code COMPLETED}, or {@code ALREADY_BUILT} when the same parameters were already built
 *                    from the same ledger position and nothing was done
 * @param executionId the execution that ran, or null when nothing ran
 * @param outputs     the files written
 * @param skipped     the rows left out by the skip policy, each with its reason
 */
public record JobReport(String job, Map<String, String> parameters, long position, String status, Long executionId,
                        List<String> outputs, List<String> skipped) {

    public static final String ALREADY_BUILT = "ALREADY_BUILT";

    public String describe() {
        if (ALREADY_BUILT.equals(status)) {
            return job + " " + parameters + ": already built from position " + position + "; nothing to do";
        }
        return job + " " + parameters + " " + status + " (execution " + executionId + ", ledger position " + position
                + ")" + (skipped.isEmpty() ? "" : "; skipped " + skipped.size() + " unreadable row(s)");
    }
}
