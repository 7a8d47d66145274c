package org.programmeledger.benchmarks.run;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The largest live heap while a workload runs: the heap held after full collections, one forced every
 * {@link #SAMPLE_SECONDS} seconds and one at the workload's start and end, and any the collector makes
 * itself. After a young collection the heap still holds old-generation garbage, which grows with a longer
 * run whatever the workload keeps; a full collection leaves only what is reachable. The samples cost a
 * pause of 0.1 to 0.3 s each here, 1 to 3% of the workload's time.
 *
 * <p>With {@code -Dbench.peak-histograms=DIR} it also writes a class histogram of the live heap to that folder each
 * time a collection finds the workload's heap a MiB larger than at its last histogram, to say what a largest figure
 * held (round 20). Off by default: each histogram is one more full collection.
 */
public final class HeapWatch {

    static final int SAMPLE_SECONDS = 10;
    private static final long MIB = 1024 * 1024;

    /** Where a histogram of each workload's larger heaps goes; null for none. */
    private final Path peakHistograms;
    private final ScheduledExecutorService sampler;
    private final long started = System.nanoTime();
    /** The live heap of the workload's last histogram. */
    private volatile long histogrammed;

    private volatile long peak;
    private volatile boolean forcing = true;
    /** The largest live heap since {@link #startWorkload()}, across the workload's measurements. */
    private volatile long largest;

    public HeapWatch() {
        this(peakHistograms());
    }

    HeapWatch(Path peakHistograms) {
        this.peakHistograms = peakHistograms;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(this::collected, null, null);
        }
        sampler = Executors.newSingleThreadScheduledExecutor(task -> {
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
        histogrammed = 0;
        peak = liveBytes();
        largest = Math.max(largest, peak);
    }

    /** Starts watching a whole workload, all its measurements and baselines. */
    public void startWorkload() {
        histogrammed = 0;
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
        if (peakHistograms != null) {
            sampler.execute(() -> histogramIfLargest(used));
        }
    }

    /** On the sampler's thread, as the histogram's own collection notifies this watch again. */
    private void histogramIfLargest(long used) {
        if (used < histogrammed + MIB) {
            return;
        }
        histogrammed = used;
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Files.writeString(peakHistograms.resolve(String.format(Locale.ROOT, "peak-%06.1fs-%.1fMiB.txt",
                    (System.nanoTime() - started) / 1e9, (double) used / MIB)), histogram, StandardCharsets.UTF_8);
        } catch (JMException | IOException e) {
            // Thrown here, it would end in the executor's future, unseen.
            System.err.println("heap-watch: no class histogram: " + e);
        }
    }

    private static Path peakHistograms() {
        String folder = System.getProperty("bench.peak-histograms");
        if (folder == null || folder.isBlank()) {
            return null;
        }
        try {
            return Files.createDirectories(Path.of(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHeap(String pool) {
        return !(pool.contains("Metaspace") || pool.contains("Code") || pool.contains("Compressed Class"));
    }
}
