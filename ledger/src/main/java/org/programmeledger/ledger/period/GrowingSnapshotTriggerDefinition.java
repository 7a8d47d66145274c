package org.programmeledger.ledger.period;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots a plan period after {@code threshold} events, or after a quarter of the events it holds when that is
 * more. A snapshot holds the whole period, so with a fixed count each event paid for a part of a snapshot that grows
 * with the period: loading and writing the snapshots of 45 periods that single commands had grown to some 1 100
 * events each took 15% of the JVM's processor time besides the JIT's, and a snapshot row 5.2 ms of the server
 * (BENCHMARKS.md, rounds 15 and 16). With the count growing with the period, each event pays about the same at any
 * size, and loading a period still replays at most a quarter of its events beyond its snapshot.
 */
final class GrowingSnapshotTriggerDefinition implements SnapshotTriggerDefinition {

    /** A period of n events is next snapshotted n / GROWTH events later, at the soonest. */
    static final int GROWTH = 4;

    private final Snapshotter snapshotter;
    private final int threshold;

    GrowingSnapshotTriggerDefinition(Snapshotter snapshotter, int threshold) {
        this.snapshotter = snapshotter;
        this.threshold = threshold;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new GrowingTrigger(snapshotter, aggregateType, threshold);
    }

    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        if (trigger instanceof GrowingTrigger growing) {
            growing.setSnapshotter(snapshotter);
            return growing;
        }
        return prepareTrigger(aggregateType);
    }

    private static final class GrowingTrigger extends AbstractSnapshotTrigger {

        private final int threshold;
        private long sinceSnapshot;
        private long due;

        GrowingTrigger(Snapshotter snapshotter, Class<?> aggregateType, int threshold) {
            super(snapshotter, aggregateType);
            this.threshold = threshold;
            this.due = threshold;
        }

        @Override
        public void eventHandled(EventMessage<?> event) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                // the sequence number counts the period's events before this one
                due = Math.max(threshold, (domainEvent.getSequenceNumber() + 1) / GROWTH);
            }
            super.eventHandled(event);
        }

        @Override
        protected boolean exceedsThreshold() {
            return ++sinceSnapshot >= due;
        }

        @Override
        protected void reset() {
            sinceSnapshot = 0;
        }
    }
}
