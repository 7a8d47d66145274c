package org.programmeledger.benchmarks.workload;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.programmeledger.benchmarks.history.ImportFiles;
import org.programmeledger.benchmarks.report.Result;
import org.programmeledger.benchmarks.run.RunContext;
import org.programmeledger.benchmarks.run.Stats;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.facade.Imports;
import org.programmeledger.ledger.store.LedgerTransactions;
import org.programmeledger.ledger.store.RecordingMetaData;

/**
 * W1: CSV rows through the importer and the command bus into the event store, against raw JDBC into a
 * table of the same shape. The bulk import records the whole history (it is the history the other
 * workloads read); the one-command-per-transaction import then sends figures on top of it from four
 * senders, against one commit per row from four threads.
 */
public final class ImportWorkload {

    public static final String BULK = "W1-import-bulk";
    public static final String SINGLE = "W1-import-single";
    static final int SENDERS = 4;
    private static final int BATCH_ROWS = 2000;
    /**
     * Corrections sent in one transaction. Every plan period a transaction's commands load stays in memory until it
     * commits; at 2 000, 10^5 events' 898 corrections were one transaction over all 449 periods and each of 10^6
     * events' over some 1 600 of 4 485, so the workload's own batch, not the ledger, grew the heap with the history
     * (BENCHMARKS.md, round 20). A hundred load about as many periods at either size.
     */
    private static final int CORRECTIONS_PER_TRANSACTION = 100;
    static final int WARM_UP_ROUNDS = 20;
    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(60);
    private static final Map<String, String> RECORDED_BY = Map.of(RecordingMetaData.CHANNEL, "cli-import",
            RecordingMetaData.USER, "bench", RecordingMetaData.ROLE, "SECRETARIAT");

    private final RunContext run;

    public ImportWorkload(RunContext run) {
        this.run = run;
    }

    /** Imports the files, then sends the corrections (which have no import format) in transactions of many. */
    public long bulk(ImportFiles.Written files) {
        run.heap().reset();
        List<Double> fileMillis = new ArrayList<>();
        long jvmCpu = processCpuNanos();
        long threadCpu = threadCpuNanos();
        long start = System.nanoTime();
        long[] last = {start};
        AtomicLong done = new AtomicLong();
        List<ImportReport> reports = run.bean(Imports.class).importFiles(files.files(), RECORDED_BY,
                new ImportListener() {
                    @Override
                    public void fileDone(ImportReport report) {
                        long now = System.nanoTime();
                        fileMillis.add(Stats.millis(now - last[0]));
                        last[0] = now;
                        if (done.incrementAndGet() % 50 == 0) {
                            run.progress("imported " + done.get() + " of " + files.files().size() + " files");
                        }
                    }
                });
        ImportReport refused = reports.stream().filter(report -> !report.accepted()).findFirst().orElse(null);
        if (refused != null || reports.size() != files.files().size()) {
            throw new IllegalStateException("the synthetic history was refused: " + refused);
        }
        LedgerTransactions transactions = run.bean(LedgerTransactions.class);
        CommandGateway gateway = run.bean(CommandGateway.class);
        for (int from = 0; from < files.corrections().size(); from += CORRECTIONS_PER_TRANSACTION) {
            List<CorrectFigure> batch = files.corrections().subList(from, Math.min(from + CORRECTIONS_PER_TRANSACTION,
                    files.corrections().size()));
            long batchStart = System.nanoTime();
            transactions.inOne(() -> {
                batch.forEach(correction -> send(gateway, correction));
                return null;
            });
            fileMillis.add(Stats.millis(System.nanoTime() - batchStart));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = run.events();
        noteCpu("W1 bulk import", events, processCpuNanos() - jvmCpu, threadCpuNanos() - threadCpu);
        double[] millis = fileMillis.stream().mapToDouble(Double::doubleValue).toArray();
        Result tuned = run.result(BULK, run.config(), events / seconds, Stats.percentile(millis, 0.5),
                Stats.percentile(millis, 0.99), run.heap().peakMib());
        run.progress(String.format("bulk import: %,d events in %.1f s", events, seconds));
        Result batched = rawBatched(false);
        run.emit(tuned.withRatioTo(batched));
        run.emit(batched);
        if (run.store().postgres()) {
            run.emit(rawBatched(true));
        }
        return events;
    }

    /** The same rows as the history, in batches of the importer's file size, one commit a batch. */
    private Result rawBatched(boolean copy) {
        run.heap().reset();
        List<Double> batchMillis = new ArrayList<>();
        AtomicLong rows = new AtomicLong();
        long jvmCpu = processCpuNanos();
        long threadCpu = threadCpuNanos();
        long start = System.nanoTime();
        try (Connection connection = run.store().connect()) {
            RawEvents.createTable(connection, run.store().postgres());
            connection.setAutoCommit(false);
            List<Object[]> batch = new ArrayList<>(BATCH_ROWS);
            run.history().forEachCommand(command -> {
                batch.add(RawEvents.row(command, rows.incrementAndGet()));
                if (batch.size() == BATCH_ROWS) {
                    batchMillis.add(writeBatch(connection, batch, copy));
                }
            });
            if (!batch.isEmpty()) {
                batchMillis.add(writeBatch(connection, batch, copy));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the raw import failed", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] millis = batchMillis.stream().mapToDouble(Double::doubleValue).toArray();
        String config = copy ? "baseline-copy" : "baseline-jdbc-batch";
        noteCpu("W1 bulk " + config, rows.get(), processCpuNanos() - jvmCpu, threadCpuNanos() - threadCpu);
        run.progress(String.format("%s: %,d rows in %.1f s", config, rows.get(), seconds));
        return run.result(BULK, config, rows.get() / seconds, Stats.percentile(millis, 0.5),
                Stats.percentile(millis, 0.99), run.heap().peakMib());
    }

    private static double writeBatch(Connection connection, List<Object[]> batch, boolean copy) {
        long start = System.nanoTime();
        try {
            if (copy) {
                RawEvents.copy(connection, batch);
            } else {
                RawEvents.insertBatch(connection, batch);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("a raw batch failed", e);
        }
        batch.clear();
        return Stats.millis(System.nanoTime() - start);
    }

    /**
     * Warms the JVM up for a measurement of {@code count} operations, as JMH's warm-up iterations do: rounds of
     * {@code count} of the same operation, numbered from 0, until {@value #WARM_UP_ROUNDS} rounds have run or
     * {@link #WARM_UP_LIMIT} has passed (a slow configuration stops at the limit). After two rounds (rounds 8 to 13)
     * the JIT compiler still took 31-37% of the JVM during W1 single, the measurement fell while C2 compiled the
     * command path, and the JIT's share falls slowly after that (19% after 40 rounds; BENCHMARKS.md, round 14).
     * The product and its raw baseline are warmed up alike; the note after each measurement says what the JIT still
     * took of it.
     *
     * @return how many operations the warm-up ran
     */
    public static int warmUp(int count, int threads, Operation operation) throws Exception {
        long end = System.nanoTime() + WARM_UP_LIMIT.toNanos();
        int warmedUp = 0;
        do {
            int from = warmedUp;
            concurrently(count, threads, n -> operation.run(from + n));
            warmedUp += count;
        } while (warmedUp < WARM_UP_ROUNDS * count && System.nanoTime() < end);
        return warmedUp;
    }

    /**
     * Processor time of the JIT compiler's threads so far, from Linux's /proc (the JVM's compilation time counts
     * elapsed time, which on a loaded machine is mostly waiting); -1 where it cannot be read. Compiler threads that
     * ended are no longer counted, so it is a lower bound.
     */
    public static long compilerCpuNanos() {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path thread : threads) {
                ticks += compilerTicks(thread);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks * 10_000_000L; // clock ticks of 10 ms (USER_HZ 100)
    }

    /** A compiler thread's user and system clock ticks; 0 for another thread, or one that ended meanwhile. */
    private static long compilerTicks(Path thread) {
        try {
            if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Processor time so far: this JVM's, its JIT compiler's, and the whole machine's from Linux's /proc/stat (the
     * database server's included, which shares the machine's cores), to note per operation beside a measurement.
     */
    public record CpuMark(long process, long compiler, long machineBusy, long machineIdle) {

        public static CpuMark now() {
            long[] machine = machineTicks();
            return new CpuMark(processCpuNanos(), compilerCpuNanos(), machine[0], machine[1]);
        }

        /** The note beside a measurement: processor time per operation, the warm-up before it, the JIT during it. */
        public String note(String what, int count, int warmedUp) {
            long cpu = processCpuNanos() - process;
            long compiled = compilerCpuNanos();
            long[] machine = machineTicks();
            long busy = machine[0] - machineBusy;
            long idle = machine[1] - machineIdle;
            return String.format(Locale.ROOT, "%.2f ms of this JVM's processor time per %s (after %,d of warm-up; "
                    + "the JIT compiler's threads %s of it); %s", cpu / 1e6 / count, what, warmedUp,
                    compiled < 0 || compiler < 0 ? "an unknown part"
                            : String.format(Locale.ROOT, "%.0f%%", 100.0 * (compiled - compiler) / cpu),
                    machine[0] < 0 || machineBusy < 0 ? "the machine's processor time unknown"
                            : String.format(Locale.ROOT, "the machine's %.2f ms per %s (%.0f%% idle)",
                                    busy * 10.0 / count, what, 100.0 * idle / Math.max(1, busy + idle)));
        }

        /** Busy and idle clock ticks (10 ms) of all the machine's cores; -1 where /proc/stat cannot be read. */
        private static long[] machineTicks() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < fields.length; i++) {
                    // user nice system idle iowait irq softirq steal: idle and iowait are not busy
                    busy += i == 4 || i == 5 || i > 8 ? 0 : Long.parseLong(fields[i]);
                }
                return new long[] {busy, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
            } catch (IOException | RuntimeException e) {
                return new long[] {-1, -1};
            }
        }
    }

    /** How many transactions the group commit writers made of the commands measured ({@code ledger.commands.group}). */
    public record GroupMark(DistributionSummary groups, long count, double commands) {

        public static GroupMark now(RunContext run) {
            DistributionSummary groups = run.bean(MeterRegistry.class).find("ledger.commands.group").summary();
            return groups == null ? new GroupMark(null, 0, 0) : new GroupMark(groups, groups.count(),
                    groups.totalAmount());
        }

        public String note() {
            long transactions = groups == null ? 0 : groups.count() - count;
            if (transactions == 0) {
                return "no group commit";
            }
            double committed = groups.totalAmount() - commands;
            return String.format(Locale.ROOT, "%,.0f commands in %,d group transactions (%.2f each)", committed,
                    transactions, committed / transactions);
        }
    }

    /** Four senders, one command (one transaction) at a time each, on top of the history. */
    public void single(int commands) throws Exception {
        CommandGateway gateway = run.bean(CommandGateway.class);
        int warmedUp = warmUp(commands, SENDERS, n -> send(gateway, run.history().extraFigure("w1-warm", n)));
        run.heap().reset();
        long before = run.events();
        CpuMark cpu = CpuMark.now();
        GroupMark groups = GroupMark.now(run);
        Timed tuned = run.heap().withoutForcedCollections(
                () -> concurrently(commands, n -> send(gateway, run.history().extraFigure("w1", n))));
        run.note(String.format(Locale.ROOT, "W1 single %s %,d: %s, its senders and everything running beside them; %s",
                run.store().kind(), run.size(), cpu.note("command", commands, warmedUp), groups.note()));
        long recorded = run.events() - before;
        if (recorded != commands) {
            throw new IllegalStateException(commands + " commands recorded " + recorded + " events");
        }
        Result result = run.result(SINGLE, run.config(), tuned.opsPerSecond(), tuned.p50(), tuned.p99(),
                run.heap().peakMib());
        run.heap().reset();
        Timed raw = run.heap().withoutForcedCollections(() -> rawCommitPerRow(run, "w1", commands, SENDERS));
        Result baseline = run.result(SINGLE, "baseline-jdbc-commit-per-row", raw.opsPerSecond(), raw.p50(), raw.p99(),
                run.heap().peakMib());
        run.progress(String.format("single commands, %d senders: %.0f/s (raw %.0f/s)", SENDERS,
                result.opsPerSecond(), baseline.opsPerSecond()));
        run.emit(result.withRatioTo(baseline));
        run.emit(baseline);
    }

    /**
     * The raw limit of one transaction per event: {@code count} rows, each inserted and committed alone by one of
     * {@code threads} JDBC clients, into a plain table shaped like the event table.
     */
    static Timed rawCommitPerRow(RunContext run, String prefix, int count, int threads) throws Exception {
        try (Connection setup = run.store().connect()) {
            RawEvents.createTable(setup, run.store().postgres());
        }
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(threads);
        try {
            for (int t = 0; t < threads; t++) {
                connections.add(run.store().connect());
            }
            Operation insert = n -> {
                Connection connection = connections.take();
                try {
                    RawEvents.insert(connection, RawEvents.row(run.history().extraFigure(prefix, n), n));
                } finally {
                    connections.add(connection);
                }
            };
            // Warmed up as the product was, at numbers above the measured ones (the table's keys are unique).
            int warmedUp = warmUp(count, threads, n -> insert.run(count + n));
            CpuMark cpu = CpuMark.now();
            Timed raw = concurrently(count, threads, insert);
            run.note(String.format(Locale.ROOT, "raw commit per row %s, %d clients: %s", prefix, threads,
                    cpu.note("row", count, warmedUp)));
            return raw;
        } finally {
            for (Connection opened : connections) {
                opened.close();
            }
        }
    }

    /**
     * Processor time per event beside the wall-clock rate: on a loaded machine the rate measures the machine, the
     * processor time what the import itself costs (on PostgreSQL without the server's share).
     */
    private void noteCpu(String what, long events, long jvmNanos, long threadNanos) {
        run.note(String.format(Locale.ROOT, "%s %s %,d: %.1f us of this JVM's processor time per event, %.1f us of "
                + "the importing thread's, machine load average %.1f", what, run.store().kind(), run.size(),
                jvmNanos / 1e3 / events, threadNanos / 1e3 / events,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void send(CommandGateway gateway, Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(RECORDED_BY)));
    }

    /** Latencies of {@code count} operations run by the senders, and the throughput of all of them. */
    record Timed(double opsPerSecond, double p50, double p99) {
    }

    public interface Operation {
        void run(int n) throws Exception;
    }

    static Timed concurrently(int count, Operation operation) throws Exception {
        return concurrently(count, SENDERS, operation);
    }

    static Timed concurrently(int count, int threads, Operation operation) throws Exception {
        double[] millis = new double[count];
        AtomicLong next = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(senders.submit(() -> {
                    for (int n = (int) next.getAndIncrement(); n < count; n = (int) next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        operation.run(n);
                        millis[n] = Stats.millis(System.nanoTime() - begin);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } finally {
            senders.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Timed(count / seconds, Stats.percentile(millis, 0.5), Stats.percentile(millis, 0.99));
    }
}
