package org.programmeledger.benchmarks.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.benchmarks.report.Result;
import org.programmeledger.benchmarks.run.Repeat;
import org.programmeledger.benchmarks.run.RunContext;
import org.programmeledger.ledger.facade.Sealing;
import org.programmeledger.ledger.service.CanonicalJson;

/**
 * W2: every read model reset and rebuilt from the first event (as {@code bin/ledger replay} does), against a
 * raw ordered scan of the event table that decodes each
 * payload with Jackson and does nothing else. Each rebuild must give the views it started from.
 */
public final class ReplayWorkload {

    public static final String NAME = "W2-replay";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final RunContext run;

    public ReplayWorkload(RunContext run) {
        this.run = run;
    }

    public void measure() throws Exception {
        run.bean(ReadModels.class).awaitHead(TIMEOUT);
        // Sealing the import's events would otherwise share the database and the cores with the replay alone.
        run.bean(Sealing.class).sealPending();
        ViewsDigest.Digest before;
        try (Connection connection = run.store().connect()) {
            before = ViewsDigest.of(connection);
        }
        run.heap().reset();
        ProcessorTime rebuildCpu = new ProcessorTime();
        Repeat.Measured replay = Repeat.measure(run.repetitions(), () -> rebuildCpu.of(this::rebuild), () -> {
            try (Connection connection = run.store().connect()) {
                ViewsDigest.Digest after = ViewsDigest.of(connection);
                if (!after.equals(before)) {
                    throw new IllegalStateException("the rebuilt views differ: " + after + " after, " + before + " before");
                }
            }
        });
        Result tuned = run.result(NAME, run.config(), replay.opsPerSecond(), replay.p50Millis(), replay.p99Millis(),
                run.heap().peakMib());
        run.heap().reset();
        ProcessorTime scanCpu = new ProcessorTime();
        Repeat.Measured scan = Repeat.measure(run.repetitions(), () -> scanCpu.of(() -> rawScan(run)));
        Result baseline = run.result(NAME, "baseline-scan-and-decode", scan.opsPerSecond(), scan.p50Millis(),
                scan.p99Millis(), run.heap().peakMib());
        run.progress(String.format("replay: %.0f events/s (raw scan %.0f/s); views equal after every rebuild (%d rows)",
                tuned.opsPerSecond(), baseline.opsPerSecond(), before.rows()));
        // Wall time under a loaded machine measures the machine; processor time per event does not depend on it.
        run.note(String.format(Locale.ROOT, "W2 processor time per event: rebuild %.1f µs of its thread, %.1f µs of the"
                        + " JVM; scan and decode %.1f µs of its thread, %.1f µs of the JVM (least of %d repetitions; the"
                        + " database server's own work not counted): thread ratio %.1f%%",
                rebuildCpu.threadMicrosPer(run.events()), rebuildCpu.processMicrosPer(run.events()),
                scanCpu.threadMicrosPer(run.events()), scanCpu.processMicrosPer(run.events()), run.repetitions(),
                100.0 * scanCpu.leastThreadNanos / rebuildCpu.leastThreadNanos));
        run.emit(tuned.withRatioTo(baseline));
        run.emit(baseline);
    }

    /** Rebuilds the views from zero as {@code bin/ledger replay} does, without its comparison (checked above). */
    long rebuild() throws Exception {
        run.bean(ReadModels.class).rebuild(TIMEOUT, (reached, head) -> { });
        return run.events();
    }

    /** Reads every event in order with a streaming cursor and decodes its payload into its event record. */
    static long rawScan(RunContext run) throws Exception {
        ObjectMapper mapper = CanonicalJson.mapper();
        Map<String, Class<?>> types = new HashMap<>();
        long events = 0;
        try (Connection connection = run.store().connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet row = statement.executeQuery(
                        "SELECT global_index, payload_type, payload FROM domain_event_entry ORDER BY global_index")) {
                    while (row.next()) {
                        Class<?> type = types.computeIfAbsent(row.getString(2), ReplayWorkload::load);
                        if (mapper.readValue(row.getString(3), type) == null) {
                            throw new IllegalStateException("event " + row.getLong(1) + " has no payload");
                        }
                        events++;
                    }
                }
            }
            connection.commit();
        }
        return events;
    }

    /** The least processor time, of the calling thread and of the whole JVM, that one repetition took. */
    private static final class ProcessorTime {
        private long leastThreadNanos = Long.MAX_VALUE;
        private long leastProcessNanos = Long.MAX_VALUE;

        long of(Repeat.Work work) throws Exception {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long thread = threads.getCurrentThreadCpuTime();
            long process = ImportWorkload.processCpuNanos();
            long operations = work.run();
            leastThreadNanos = Math.min(leastThreadNanos, threads.getCurrentThreadCpuTime() - thread);
            leastProcessNanos = Math.min(leastProcessNanos, ImportWorkload.processCpuNanos() - process);
            return operations;
        }

        double threadMicrosPer(long events) {
            return leastThreadNanos / 1e3 / events;
        }

        double processMicrosPer(long events) {
            return leastProcessNanos / 1e3 / events;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no event class " + name, e);
        }
    }
}
