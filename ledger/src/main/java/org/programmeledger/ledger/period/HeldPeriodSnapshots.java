package org.programmeledger.ledger.period;

import java.util.Objects;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Snapshots a plan period that an import held, from the instance in memory, when the import ends: Axon's snapshotter
 * would load it again from the store to the same state (4.7-7.8% of the JVM's processor time of an import of 10^5
 * events, BENCHMARKS.md round 11). The instance is only used while it is the store's state:
 * <ul>
 *   <li>taken under the period's lock, the one its commands take ({@link PlanPeriod}'s {@code lockFactory}): a
 *   command that got the instance before the import let it go has finished with it, and no later one can get it;</li>
 *   <li>its version must be the last sequence number the store holds for it, read in the snapshot's transaction:
 *   a command whose transaction is still open or was rolled back (a dry run) applied events the store does not have,
 *   so the instance is newer than the store and is not used.</li>
 * </ul>
 * Otherwise, or when storing fails (a snapshot of that version stored meanwhile), Axon's snapshotter takes it.
 */
final class HeldPeriodSnapshots {

    private final LockFactory locks;
    private final ObjectProvider<EventStore> eventStore;
    private final TransactionManager transactions;

    HeldPeriodSnapshots(LockFactory locks, ObjectProvider<EventStore> eventStore, TransactionManager transactions) {
        this.locks = locks;
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    /** Whether the period's snapshot was stored from {@code cacheEntry}, the instance the import held. */
    boolean take(String periodId, Object cacheEntry) {
        if (!(cacheEntry instanceof AggregateCacheEntry<?> entry)) {
            return false;
        }
        Lock lock = locks.obtainLock(periodId);
        try {
            EventSourcedAggregate<?> period = entry.recreateAggregate(null, null, null, null);
            if (period == null || period.version() == null || period.isDeleted()) {
                return false;
            }
            EventStore store = eventStore.getObject();
            return transactions.fetchInTransaction(() -> {
                if (!Objects.equals(period.version(), store.lastSequenceNumberFor(periodId).orElse(null))) {
                    return false;
                }
                store.storeSnapshot(new GenericDomainEventMessage<>(period.type(), periodId, period.version(),
                        period.getAggregateRoot()));
                return true;
            });
        } catch (RuntimeException e) {
            return false;
        } finally {
            lock.release();
        }
    }
}
