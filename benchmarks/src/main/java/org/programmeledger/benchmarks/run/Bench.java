package org.programmeledger.benchmarks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.RunnerException;
import org.programmeledger.benchmarks.report.Report;
import org.programmeledger.benchmarks.report.Result;

/**
 * {@code bin/bench [--quick] [--sizes 10000,100000] [--stores h2,postgresql]}: every end-to-end workload on
 * each store at each history size, each store and size in a JVM of its own with a 512 MiB heap, the
 * out-of-box comparison at the smallest size (not in --quick), and the JMH workloads; writes {@code out/bench/results.csv}, {@code results.md} and {@code throughput.png}.
 * Results are written after every measuring JVM, so an interrupted run keeps what it measured.
 */
public final class Bench {

    static final List<Long> FULL_SIZES = List.of(10_000L, 100_000L, 1_000_000L);
    static final List<Long> QUICK_SIZES = List.of(2_000L);
    static final String HEAP = "-Xmx512m";

    private Bench() {
    }

    static final String USAGE = """
            Usage: bin/bench [--quick] [--sizes N,N...] [--stores h2,postgresql] [--workloads W,W...] [--no-micro]
                             [--help]
            Runs every workload against its same-run baseline and writes out/bench/results.csv, results.md
            and throughput.png (see BENCHMARKS.md).
              --quick      2 000 events and short JMH runs (a few minutes) instead of the full run (hours)
              --sizes      history sizes in events (default 10000,100000,1000000)
              --stores     stores to measure (default h2,postgresql)
              --workloads  end-to-end workloads to measure (default all: import,replay,jobs,verify,single,api);
                           the import always runs, since the others read the history it records
              --no-micro   leave out the JMH workloads (charts, serialization, hashing)
            Exit code 0 when done, 2 for a usage error.""";

    /** The command line, checked before anything runs: a mistyped option must not start a two-hour run. */
    record Options(boolean quick, List<Long> sizes, List<String> stores, List<String> workloads, boolean micro) {

        static Options parse(String... args) {
            boolean quick = false;
            boolean micro = true;
            List<Long> sizes = null;
            List<String> stores = BenchStore.KINDS;
            List<String> workloads = StoreRun.WORKLOADS;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--no-micro" -> micro = false;
                    case "--sizes" -> sizes = sizes(value(args, i++));
                    case "--stores" -> stores = stores(value(args, i++));
                    case "--workloads" -> workloads = known("workload", value(args, i++), StoreRun.WORKLOADS);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            return new Options(quick, sizes != null ? sizes : quick ? QUICK_SIZES : FULL_SIZES, stores, workloads,
                    micro);
        }

        private static String value(String[] args, int at) {
            if (at + 1 >= args.length) {
                throw new IllegalArgumentException(args[at] + " needs a value");
            }
            return args[at + 1];
        }

        private static List<Long> sizes(String list) {
            try {
                List<Long> sizes = Stream.of(list.split(",")).map(String::trim).map(Long::parseLong).toList();
                if (sizes.stream().anyMatch(size -> size <= 0)) {
                    throw new NumberFormatException();
                }
                return sizes;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sizes takes positive numbers of events, e.g. 10000,100000");
            }
        }

        private static List<String> stores(String list) {
            return known("store", list, BenchStore.KINDS);
        }

        private static List<String> known(String what, String list, List<String> known) {
            List<String> names = Stream.of(list.split(",")).map(String::trim).toList();
            for (String name : names) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown " + what + " '" + name + "'; known: "
                            + String.join(", ", known));
                }
            }
            return names;
        }
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        boolean quick = options.quick();
        List<Long> sizes = options.sizes();
        List<String> stores = options.stores();
        boolean micro = options.micro();
        String workloads = String.join(",", options.workloads());
        Path out = Path.of("out", "bench").toAbsolutePath();
        Files.createDirectories(out);
        Path csv = out.resolve("results.csv");
        List<Result> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant started = Instant.now();
        System.out.printf("Benchmarks (%s): sizes %s on %s; results in %s%n", quick ? "quick" : "full", sizes, stores,
                out);
        // The smallest size, the out-of-box comparison and JMH first: the largest sizes take longest.
        for (String store : stores) {
            results.addAll(measureStore(out, store, sizes.get(0), quick, "tuned", workloads, notes));
            Report.write(out, results, notes, quick);
        }
        // The out-of-box comparison takes as long again; --quick leaves it to the full run.
        for (String store : quick ? List.<String>of() : stores) {
            results.addAll(measureStore(out, store, sizes.get(0), quick, "out-of-box", workloads, notes));
            Report.write(out, results, notes, quick);
        }
        if (micro) {
            System.out.println("JMH: charts (W4), serialization and hashing ...");
            try {
                results.addAll(MicroRun.run(quick, "tuned"));
            } catch (RunnerException e) {
                // JMH refuses to run beside another JMH run on the machine; the other workloads still count.
                System.out.println("   JMH did not run: " + e.getMessage());
                notes.add("JMH did not run: " + e.getMessage());
            }
            Report.write(out, results, notes, quick);
        }
        for (long size : sizes.subList(1, sizes.size())) {
            for (String store : stores) {
                results.addAll(measureStore(out, store, size, quick, "tuned", workloads, notes));
                Report.write(out, results, notes, quick);
            }
        }
        System.out.printf("Done in %s: %d results in %s (and results.md, throughput.png)%n",
                Duration.between(started, Instant.now()).withNanos(0), results.size(), csv);
    }

    /**
     * One measuring JVM on a fresh store. {@code out-of-box} runs the views' processor as Axon configures a
     * tracking processor by default (batch size 1); everything else is the project's configuration.
     */
    private static List<Result> measureStore(Path out, String store, long size, boolean quick, String config,
                                             String workloads, List<String> notes) throws IOException, InterruptedException {
        Path work = out.resolve("work").resolve(store + "-" + size + "-" + config);
        deleteTree(work);
        Files.createDirectories(work);
        Path partial = work.resolve("results.csv");
        // Repeating a workload that takes minutes buys little; past 10^4 events each is measured once.
        int repetitions = size > 10_000 ? 1 : quick ? 2 : 3;
        // W1 single and W5 measure 10 000 operations, some 5 s: windows of 2 000 (about a second) varied by a third
        // from run to run, the raw baselines' as much as the product's (BENCHMARKS.md, rounds 16 and 17).
        int commands = quick ? 200 : 10_000;
        System.out.printf("%n== %s, %,d events, %s: a JVM with %s ==%n", store, size, config, HEAP);
        // A JVM that runs out of heap leaves a dump beside its results: the round-5 OOM at 10^6 left no evidence.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseG1GC", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + out,
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                StoreRun.class.getName(), store, Long.toString(size), Integer.toString(repetitions),
                Integer.toString(commands), work.toString(), partial.toString(), config, workloads));
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit = process.waitFor();
        List<Result> measured = Files.exists(partial)
                ? Files.readAllLines(partial, StandardCharsets.UTF_8).stream().map(Result::parse).toList()
                : List.of();
        Path notesFile = work.resolve("notes.txt");
        if (Files.exists(notesFile)) {
            notes.addAll(Files.readAllLines(notesFile, StandardCharsets.UTF_8));
        }
        if (exit != 0) {
            String failed = String.format("the %s run at %,d events (%s) ended with exit code %d after %d results"
                    + " (had it run out of heap, its dump is %s)", store, size, config, exit, measured.size(),
                    out.resolve("java_pid" + process.pid() + ".hprof"));
            System.out.println("   " + failed);
            notes.add(failed);
        }
        deleteTree(work.resolve("pg"));
        deleteTree(work.resolve("h2"));
        deleteTree(work.resolve("import"));
        return measured;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
