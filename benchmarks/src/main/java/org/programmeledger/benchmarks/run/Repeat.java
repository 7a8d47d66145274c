package org.programmeledger.benchmarks.run;

import java.util.ArrayList;
import java.util.List;

/** Runs an end-to-end workload once to warm up (when it is repeated at all), then measures each repetition. */
public final class Repeat {

    private Repeat() {
    }

    /** One repetition: does the work and says how many operations (events, records) it did. */
    public interface Work {
        long run() throws Exception;
    }

    /** A check of what one repetition did, run after its clock stopped (it is not the work measured). */
    public interface Check {
        void run() throws Exception;
    }

    /** The median throughput, and the median and slowest repetition in milliseconds. */
    public record Measured(double opsPerSecond, double p50Millis, double p99Millis, long operations) {
    }

    public static Measured measure(int repetitions, Work work) throws Exception {
        return measure(repetitions, work, () -> { });
    }

    /**
     * As {@link #measure(int, Work)}, checking each repetition's outcome (the warm-up's too) outside its timing: a
     * check that reads every view row or parses a whole output would otherwise count as the workload's own time,
     * while the baseline it is compared with checks nothing.
     */
    public static Measured measure(int repetitions, Work work, Check afterEach) throws Exception {
        if (repetitions > 1) {
            work.run();
            afterEach.run();
        }
        List<Double> rates = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        long operations = 0;
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            operations = work.run();
            long took = System.nanoTime() - start;
            afterEach.run();
            rates.add(operations / (took / 1e9));
            millis.add(Stats.millis(took));
        }
        double[] all = millis.stream().mapToDouble(Double::doubleValue).toArray();
        return new Measured(Stats.median(rates), Stats.percentile(all, 0.5), Stats.percentile(all, 0.99), operations);
    }
}
