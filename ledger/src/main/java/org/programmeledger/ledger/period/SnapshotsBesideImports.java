package org.programmeledger.ledger.period;

import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.eventsourcing.Snapshotter;
import org.programmeledger.ledger.store.ImportRuns;

/**
 * Takes no snapshot of a plan period while an import under way holds it in memory (CheckedAggregateCache): Axon's
 * snapshotter loads the period again from the store to snapshot it, on a thread that competes with the import for
 * the same cores (5% of the JVM at 10^5 events), and the import does not load a period it holds. Each period whose
 * snapshot was put off is snapshotted once when the import ends, so that loading it afterwards stays short.
 */
final class SnapshotsBesideImports implements Snapshotter {

    private final Snapshotter snapshotter;
    private final CheckedAggregateCache planPeriods;
    private final Set<PutOff> putOff = new LinkedHashSet<>();

    private record PutOff(Class<?> aggregateType, String aggregateIdentifier) {
    }

    SnapshotsBesideImports(Snapshotter snapshotter, CheckedAggregateCache planPeriods, ImportRuns importRuns) {
        this.snapshotter = snapshotter;
        this.planPeriods = planPeriods;
        importRuns.whenAllEnded(this::takePutOff);
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

    private void takePutOff() {
        Set<PutOff> due;
        synchronized (putOff) {
            due = Set.copyOf(putOff);
            putOff.clear();
        }
        due.forEach(period -> snapshotter.scheduleSnapshot(period.aggregateType(), period.aggregateIdentifier()));
    }
}
