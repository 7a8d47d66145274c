package org.programmeledger.ledger.period;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the most recently used plan periods in memory, so that a command does not decode the period's
 * snapshot and events again: that was two thirds of a command's processor time (BENCHMARKS.md, "W1"). A
 * cached period is only used while it is still what the store holds (another node may have recorded since),
 * and is dropped when the database transaction that changed it does not commit (a dry run commits its units
 * of work but rolls the transaction back). The number of periods is bounded, since a period grows with its
 * history.
 *
 * <p>Whether the period is still what the store holds is asked before a command inside a larger unit (an
 * import's file): its version must equal the last sequence number stored for it. A command alone in its unit
 * uses the period without asking (a query per command, BENCHMARKS.md round 4): if another node recorded in it
 * since, the command's events collide with that node's at the same sequence numbers, the transaction fails
 * and the gateway sends the command once more, on the period as stored; a command that records nothing
 * collides with nothing, so {@link HeldPeriodCheck} asks the store after it.
 */
final class CheckedAggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final ObjectProvider<EventStore> eventStore;

    CheckedAggregateCache(int capacity, ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value instanceof AggregateCacheEntry<?> entry) {
            // An entry kept in memory holds the aggregate itself, which the repository hands out again; its
            // version is that of the last event applied to it.
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
            boolean alone = CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().isRoot();
            if (aggregate != null && alone) {
                HeldPeriodCheck.held(CurrentUnitOfWork.get(), key.toString(), aggregate);
            } else if (aggregate == null || !Objects.equals(aggregate.version(),
                    eventStore.getObject().lastSequenceNumberFor(key.toString()).orElse(null))) {
                remove(key);
                return null;
            }
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        forgetUnlessCommitted(key);
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        forgetUnlessCommitted(key);
        synchronized (entries) {
            return entries.putIfAbsent(key, value) == null;
        }
    }

    private void forgetUnlessCommitted(Object key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        remove(key);
                    }
                }
            });
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** Only the plan period repository reads this cache, and it registers no listeners. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the plan period cache takes no entry listeners");
    }
}
