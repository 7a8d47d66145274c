package org.programmeledger.benchmarks.run;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap held after a garbage collection while a workload runs: what the workload keeps, rather
 * than how much garbage the collector lets pile up before collecting. Old-generation garbage that a young
 * collection leaves is included, so it is an upper bound of the live set.
 */
public final class HeapWatch {

    private volatile long peak;

    public HeapWatch() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(this::collected, null, null);
        }
    }

    /** Starts a workload's watch from a collected heap. */
    public void reset() {
        System.gc();
        peak = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Ends the watch with a collection, so that what the workload holds at its end counts too. */
    public double peakMib() {
        System.gc();
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return Math.max(peak, now) / (1024.0 * 1024.0);
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        long used = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo()
                .getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> isHeap(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
        peak = Math.max(peak, used);
    }

    private static boolean isHeap(String pool) {
        return !(pool.contains("Metaspace") || pool.contains("Code") || pool.contains("Compressed Class"));
    }
}
