package org.programmeledger.ledger.period;

import org.axonframework.eventsourcing.Snapshotter;

/**
 * Takes no snapshot of a plan period that an import under way holds in memory (CheckedAggregateCache): Axon's
 * snapshotter loads the period again from the store to snapshot it, on a thread that competes with the import for
 * the same cores, and the import does not load a period it holds. When the import ends and lets the period go, its
 * next load replays the events since its last snapshot and snapshots it again after that command.
 */
final class SnapshotsBesideImports implements Snapshotter {

    private final Snapshotter snapshotter;
    private final CheckedAggregateCache planPeriods;

    SnapshotsBesideImports(Snapshotter snapshotter, CheckedAggregateCache planPeriods) {
        this.snapshotter = snapshotter;
        this.planPeriods = planPeriods;
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        if (!planPeriods.heldForImport(aggregateIdentifier)) {
            snapshotter.scheduleSnapshot(aggregateType, aggregateIdentifier);
        }
    }
}
