package org.programmeledger.benchmarks.run;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The largest live heap while a workload runs: the heap held after full collections, one forced every
 * {@link #SAMPLE_SECONDS} seconds and one at the workload's start and end, and any the collector makes
 * itself. After a young collection the heap still holds old-generation garbage, which grows with a longer
 * run whatever the workload keeps; a full collection leaves only what is reachable. The samples cost a
 * pause of 0.1 to 0.3 s each here, 1 to 3% of the workload's time.
 */
public final class HeapWatch {

    static final int SAMPLE_SECONDS = 10;

    private volatile long peak;
    private volatile boolean forcing = true;
    /** The largest live heap since {@link #startWorkload()}, across the workload's measurements. */
    private volatile long largest;

    public HeapWatch() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(this::collected, null, null);
        }
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heap-watch");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, SAMPLE_SECONDS, SAMPLE_SECONDS, TimeUnit.SECONDS);
    }

    private void sample() {
        if (forcing) {
            System.gc();
        }
    }

    /**
     * Runs a latency measurement without the periodic forced collections: each is a pause of every thread that
     * the product never makes, and which lands in the latencies measured (a p99 of 2 000 requests from 8
     * clients is the 20th slowest). Its peak is what the collections before and after it and the collector's
     * own show.
     */
    public <T> T withoutForcedCollections(Callable<T> measurement) throws Exception {
        forcing = false;
        try {
            return measurement.call();
        } finally {
            forcing = true;
        }
    }

    /** Starts a workload's watch from a collected heap. */
    public void reset() {
        peak = liveBytes();
        largest = Math.max(largest, peak);
    }

    /** Starts watching a whole workload, all its measurements and baselines. */
    public void startWorkload() {
        largest = liveBytes();
    }

    /** The largest live heap since {@link #startWorkload()}. */
    public double largestMib() {
        return Math.max(largest, liveBytes()) / (1024.0 * 1024.0);
    }

    /** Ends the watch with a collection, so that what the workload holds at its end counts too. */
    public double peakMib() {
        long now = liveBytes();
        largest = Math.max(largest, now);
        return Math.max(peak, now) / (1024.0 * 1024.0);
    }

    /** What the JVM holds now: the heap after a full collection (G1 collects fully on System.gc()). */
    public static double liveMib() {
        return liveBytes() / (1024.0 * 1024.0);
    }

    private static long liveBytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        if (!info.getGcAction().equals("end of major GC")) {
            return;
        }
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> isHeap(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
        peak = Math.max(peak, used);
        largest = Math.max(largest, used);
    }

    private static boolean isHeap(String pool) {
        return !(pool.contains("Metaspace") || pool.contains("Code") || pool.contains("Compressed Class"));
    }
}
