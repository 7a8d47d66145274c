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

    /** The median throughput, and the median and slowest repetition in milliseconds. */
    public record Measured(double opsPerSecond, double p50Millis, double p99Millis, long operations) {
    }

    public static Measured measure(int repetitions, Work work) throws Exception {
        if (repetitions > 1) {
            work.run();
        }
        List<Double> rates = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        long operations = 0;
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            operations = work.run();
            long took = System.nanoTime() - start;
            rates.add(operations / (took / 1e9));
            millis.add(Stats.millis(took));
        }
        double[] all = millis.stream().mapToDouble(Double::doubleValue).toArray();
        return new Measured(Stats.median(rates), Stats.percentile(all, 0.5), Stats.percentile(all, 0.99), operations);
    }
}
