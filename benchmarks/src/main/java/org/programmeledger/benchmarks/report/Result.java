package org.programmeledger.benchmarks.report;

import java.util.List;
import java.util.Locale;

/**
 * One line of results.csv: a workload on a store at a history size in one configuration. A baseline has
 * a config starting with {@code baseline}; the others carry their ratio to the baseline of the same run.
 *
 * @param ratioToBaseline null where the workload has no baseline (W5)
 * @param peakHeapMib     the most heap the measuring JVM held after a garbage collection during the workload;
 *                        null for the JMH workloads, whose forked JVMs are not watched
 */
public record Result(String workload, String store, long size, String config, double opsPerSecond,
                     Double ratioToBaseline, double p50Millis, double p99Millis, Double peakHeapMib) {

    public static final String HEADER = "workload,store,size,config,ops_per_s,ratio_to_baseline,p50_ms,p99_ms,peak_heap_mib";

    public Result withRatioTo(Result baseline) {
        return new Result(workload, store, size, config, opsPerSecond, opsPerSecond / baseline.opsPerSecond,
                p50Millis, p99Millis, peakHeapMib);
    }

    public boolean baseline() {
        return config.startsWith("baseline");
    }

    public String csv() {
        return String.join(",", workload, store, Long.toString(size), config, number(opsPerSecond),
                ratioToBaseline == null ? "" : String.format(Locale.ROOT, "%.3f", ratioToBaseline),
                number(p50Millis), number(p99Millis),
                peakHeapMib == null ? "" : String.format(Locale.ROOT, "%.1f", peakHeapMib));
    }

    public static Result parse(String line) {
        List<String> cells = List.of(line.split(",", -1));
        if (cells.size() != 9) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        return new Result(cells.get(0), cells.get(1), Long.parseLong(cells.get(2)), cells.get(3),
                Double.parseDouble(cells.get(4)), cells.get(5).isEmpty() ? null : Double.parseDouble(cells.get(5)),
                Double.parseDouble(cells.get(6)), Double.parseDouble(cells.get(7)),
                cells.get(8).isEmpty() ? null : Double.parseDouble(cells.get(8)));
    }

    /** Three significant figures at least, and no exponent, so a spreadsheet reads every cell as a number. */
    private static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value >= 1 ? "%.2f" : "%.4f", value);
    }
}
