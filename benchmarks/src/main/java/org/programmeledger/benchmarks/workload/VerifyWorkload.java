package org.programmeledger.benchmarks.workload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.programmeledger.benchmarks.report.Result;
import org.programmeledger.benchmarks.run.Repeat;
import org.programmeledger.benchmarks.run.RunContext;
import org.programmeledger.ledger.hashing.Sha256;
import org.programmeledger.ledger.facade.Verification;
import org.programmeledger.ledger.service.VerifyReport;

/**
 * W6: the hash chain recomputed over the whole ledger ({@code bin/ledger verify}), against SHA-256 over
 * the same columns of the same rows in one streaming scan, with no seals read and no chain checked.
 */
public final class VerifyWorkload {

    public static final String NAME = "W6-verify";
    private static final int COLUMNS = 10;

    private final RunContext run;

    public VerifyWorkload(RunContext run) {
        this.run = run;
    }

    public void measure() throws Exception {
        run.heap().reset();
        Repeat.Measured verify = Repeat.measure(run.repetitions(), () -> {
            VerifyReport report = run.bean(Verification.class).verify();
            if (!report.intact()) {
                throw new IllegalStateException("the chain is broken: " + report);
            }
            return report.eventsChecked();
        });
        Result tuned = run.result(NAME, run.config(), verify.opsPerSecond(), verify.p50Millis(), verify.p99Millis(),
                run.heap().peakMib());
        run.heap().reset();
        Repeat.Measured raw = Repeat.measure(run.repetitions(), this::rawHash);
        Result baseline = run.result(NAME, "baseline-scan-and-sha256", raw.opsPerSecond(), raw.p50Millis(),
                raw.p99Millis(), run.heap().peakMib());
        run.progress(String.format("verify: %.0f events/s (raw SHA-256 %.0f/s)", tuned.opsPerSecond(),
                baseline.opsPerSecond()));
        run.emit(tuned.withRatioTo(baseline));
        run.emit(baseline);
    }

    private long rawHash() throws Exception {
        MessageDigest sha256 = Sha256.digest();
        long events = 0;
        try (Connection connection = run.store().connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet row = statement.executeQuery("SELECT global_index, event_identifier, "
                        + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                        + "payload, meta_data FROM domain_event_entry ORDER BY global_index")) {
                    while (row.next()) {
                        for (int column = 1; column <= COLUMNS; column++) {
                            String text = row.getString(column);
                            if (text != null) {
                                sha256.update(text.getBytes(StandardCharsets.UTF_8));
                            }
                        }
                        sha256.digest();
                        events++;
                    }
                }
            }
            connection.commit();
        }
        return events;
    }
}
