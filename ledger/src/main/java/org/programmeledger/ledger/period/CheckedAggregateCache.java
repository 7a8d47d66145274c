package org.programmeledger.ledger.period;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the most recently used plan periods in memory, so that a command does not decode the period's
 * snapshot and events again: that was two thirds of a command's processor time (BENCHMARKS.md, "W1"). A
 * cached period is only used while it is still what the store holds: its version must equal the last
 * sequence number stored for it (another node may have recorded since), and it is dropped when the
 * database transaction that changed it does not commit (a dry run commits its units of work but rolls the
 * transaction back). The number of periods is bounded, since a period grows with its history.
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
        if (value instanceof AggregateCacheEntry<?> entry && !stillStored(key, entry)) {
            remove(key);
            return null;
        }
        return (V) value;
    }

    /**
     * An entry kept in memory holds the aggregate itself, which the repository hands out again; its version
     * is that of the last event applied to it.
     */
    private boolean stillStored(Object key, AggregateCacheEntry<?> entry) {
        EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
        Long stored = eventStore.getObject().lastSequenceNumberFor(key.toString()).orElse(null);
        return aggregate != null && Objects.equals(aggregate.version(), stored);
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
