package org.programmeledger.ledger.period;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Takes no snapshot of a plan period while an import under way holds it in memory (CheckedAggregateCache): Axon's
 * snapshotter loads the period again from the store to snapshot it, on a thread that competes with the import for
 * the same cores (5% of the JVM at 10^5 events), and the import does not load a period it holds. Each period whose
 * snapshot was put off is snapshotted once when the import ends, so that loading it afterwards stays short: from the
 * instance the import held where that is still the store's state ({@link HeldPeriodSnapshots}), else by loading it.
 */
final class SnapshotsBesideImports implements Snapshotter {

    private final Snapshotter snapshotter;
    private final CheckedAggregateCache planPeriods;
    private final BiPredicate<String, Object> fromMemory;
    private final Set<PutOff> putOff = new LinkedHashSet<>();

    private record PutOff(Class<?> aggregateType, String aggregateIdentifier) {
    }

    /**
     * {@code fromMemory} stores a put-off period's snapshot from the entry the import held and says whether it did.
     * It runs as the import ends, on its thread: the held periods are then let go at once (taken on another thread,
     * they stayed in the heap beside the periods loaded after the import: +11 MiB of the largest heap at 10^5).
     */
    SnapshotsBesideImports(Snapshotter snapshotter, CheckedAggregateCache planPeriods,
                           BiPredicate<String, Object> fromMemory) {
        this.snapshotter = snapshotter;
        this.planPeriods = planPeriods;
        this.fromMemory = fromMemory;
        planPeriods.whenHeldLetGo(this::takePutOff);
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        if (planPeriods.heldForImport(aggregateIdentifier)) {
            synchronized (putOff) {
                putOff.add(new PutOff(aggregateType, aggregateIdentifier));
            }
        } else {
            snapshotter.scheduleSnapshot(aggregateType, aggregateIdentifier);
        }
    }

    private void takePutOff(Map<Object, Object> held) {
        Set<PutOff> due;
        synchronized (putOff) {
            due = new LinkedHashSet<>(putOff);
            putOff.clear();
        }
        due.forEach(period -> {
            Object entry = held.get(period.aggregateIdentifier());
            if (entry == null || !fromMemory.test(period.aggregateIdentifier(), entry)) {
                snapshotter.scheduleSnapshot(period.aggregateType(), period.aggregateIdentifier());
            }
        });
    }
}
