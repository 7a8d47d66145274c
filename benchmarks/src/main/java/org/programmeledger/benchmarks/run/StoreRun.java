package org.programmeledger.benchmarks.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.programmeledger.benchmarks.history.ImportFiles;
import org.programmeledger.benchmarks.history.SyntheticHistory;
import org.programmeledger.benchmarks.report.Result;
import org.programmeledger.benchmarks.workload.ApiWorkload;
import org.programmeledger.benchmarks.workload.ImportWorkload;
import org.programmeledger.benchmarks.workload.JobsWorkload;
import org.programmeledger.benchmarks.workload.ReplayWorkload;
import org.programmeledger.benchmarks.workload.VerifyWorkload;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One measuring JVM (started by {@link Bench} with the heap the targets name): a fresh store, the
 * synthetic history of one size imported into it, and every end-to-end workload on it in turn. Each
 * result is appended to the results file as soon as it is measured, so a run cut short keeps what it did.
 *
 * <p>Arguments: {@code STORE SIZE REPETITIONS COMMANDS WORK_DIR RESULTS_FILE CONFIG [WORKLOADS]}, where CONFIG
 * is {@code tuned} (the project's settings) or {@code out-of-box} ({@link #OUT_OF_BOX}) and WORKLOADS a
 * comma-separated subset of {@link #WORKLOADS} (default all).
 */
public final class StoreRun {

    public static final long SEED = 20_250_101L;
    /** The end-to-end workloads by name; the import always runs, since the others read what it records. */
    public static final List<String> WORKLOADS = List.of("import", "replay", "jobs", "verify", "single", "api");
    /** Rows per import file: the importer records each file in one transaction. */
    public static final int ROWS_PER_FILE = 2000;
    /**
     * What Axon does when not told otherwise, where the project's configuration differs and Axon offers a
     * choice on our stack: a tracking processor handles one event per transaction, aggregates are neither
     * snapshotted nor cached, and every handler call runs as a timed task. (Axon's other defaults, its JPA
     * engine and XStream serializer, cannot run this ledger without changing it: see BENCHMARKS.md.)
     */
    static final List<String> OUT_OF_BOX = List.of("--ledger.views.batch-size=1",
            "--ledger.event-store.snapshot-threshold=" + Integer.MAX_VALUE,
            "--ledger.event-store.cached-plan-periods=0", "--axon.timeout.enabled=true");

    private StoreRun() {
    }

    /** Exits when done: a failed workload must not leave the JVM waiting on the threads of the ledger it ran. */
    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        String kind = args[0];
        long size = Long.parseLong(args[1]);
        int repetitions = Integer.parseInt(args[2]);
        int commands = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        Path results = Path.of(args[5]);
        String config = args[6];
        List<String> workloads = args.length > 7 ? List.of(args[7].split(",")) : WORKLOADS;
        List<String> settings = config.equals("out-of-box") ? OUT_OF_BOX : List.of();
        SyntheticHistory history = SyntheticHistory.ofAbout(SEED, size);
        ImportFiles.Written files = ImportFiles.write(history, work.resolve("import"), ROWS_PER_FILE);
        HeapWatch heap = new HeapWatch();
        try (BenchStore store = BenchStore.start(kind, work);
             ConfigurableApplicationContext app = start(store, work.resolve("out"), settings.toArray(String[]::new))) {
            RunContext run = new RunContext(store, size, config, repetitions, history, app, work, heap,
                    result -> append(results, result));
            run.progress(String.format("history: %,d programmes, %,d plan periods, %,d rows in %,d files, "
                    + "%,d corrections", history.programmes(), history.periods(), files.rows(), files.files().size(),
                    files.corrections().size()));
            if (settings.isEmpty()) {
                measureAll(run, files, commands, workloads);
            } else {
                measureAgainstDefaults(run, files, commands, workloads);
            }
        }
    }

    /** The chosen end-to-end workloads, the import first since it records the history the others read. */
    public static void measureAll(RunContext run, ImportFiles.Written files, int commands, List<String> workloads)
            throws Exception {
        timed(run, "W1 bulk import", () -> new ImportWorkload(run).bulk(files));
        timedIf(workloads, "replay", run, "W2 replay", () -> new ReplayWorkload(run).measure());
        timedIf(workloads, "jobs", run, "W3 jobs", () -> new JobsWorkload(run).measure());
        timedIf(workloads, "verify", run, "W6 verify", () -> new VerifyWorkload(run).measure());
        timedIf(workloads, "single", run, "W1 single", () -> new ImportWorkload(run).single(commands));
        timedIf(workloads, "api", run, "W5 API", () -> new ApiWorkload(run).measure(commands));
    }

    private static void timedIf(List<String> workloads, String workload, RunContext run, String name,
                                Workload measure) throws Exception {
        if (workloads.contains(workload)) {
            timed(run, name, measure);
        }
    }

    private interface Workload {
        void run() throws Exception;
    }

    /**
     * Runs a workload and says how much processor time this JVM had meanwhile, against the machine's load:
     * on a shared machine, a JVM that got half a core for a workload measured half its speed.
     */
    private static void timed(RunContext run, String name, Workload workload) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        run.heap().startWorkload();
        long wall = System.nanoTime();
        workload.run();
        double seconds = (System.nanoTime() - wall) / 1e9;
        double cores = (os.getProcessCpuTime() - cpu) / 1e9 / seconds;
        run.note(String.format(Locale.ROOT, "%s %s %,d: %.1f s, this JVM used %.2f cores, machine load average %.1f, "
                + "live heap after it %.1f MiB (largest during it %.1f MiB)", name, run.store().kind(), run.size(),
                seconds, cores, os.getSystemLoadAverage(), HeapWatch.liveMib(), run.heap().largestMib()));
    }

    /** The workloads that Axon's defaults change: import (snapshots) and replay (the processor's batch size). */
    static void measureAgainstDefaults(RunContext run, ImportFiles.Written files, int commands,
                                       List<String> workloads) throws Exception {
        timed(run, "W1 bulk import (out of the box)", () -> new ImportWorkload(run).bulk(files));
        timedIf(workloads, "replay", run, "W2 replay (out of the box)", () -> new ReplayWorkload(run).measure());
        timedIf(workloads, "single", run, "W1 single (out of the box)", () -> new ImportWorkload(run).single(commands));
    }

    /** The ledger and its analytics on the store, with the REST API on a free port and one benchmark user. */
    public static ConfigurableApplicationContext start(BenchStore store, Path output, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + store.url(),
                "--spring.datasource.username=" + store.user(),
                "--spring.datasource.password=",
                "--spring.flyway.locations=classpath:db/migration/{vendor}",
                "--spring.batch.jdbc.initialize-schema=never",
                "--spring.batch.job.enabled=false",
                "--spring.main.web-application-type=servlet",
                "--server.port=0",
                "--axon.axonserver.enabled=false",
                "--axon.update-check.disabled=true",
                "--ledger.home=" + output.getParent(),
                "--ledger.output.directory=" + output,
                "--ledger.security.users[0].name=" + ApiWorkload.USER,
                "--ledger.security.users[0].password-hash=" + ApiWorkload.PASSWORD_HASH,
                "--ledger.security.users[0].role=SECRETARIAT",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(BenchApplication.class).bannerMode(Banner.Mode.OFF)
                .run(arguments.toArray(String[]::new));
    }

    private static synchronized void append(Path results, Result result) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            out.println(result.csv());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("    " + result.csv());
    }
}
