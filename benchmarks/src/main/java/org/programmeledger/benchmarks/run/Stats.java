package org.programmeledger.benchmarks.run;

import java.util.Arrays;
import java.util.List;

/** Medians and percentiles of measured durations. */
public final class Stats {

    private Stats() {
    }

    public static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code q} of the values at or below it. */
    public static double percentile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public static double millis(long nanos) {
        return nanos / 1e6;
    }
}
