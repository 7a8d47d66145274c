package org.programmeledger.ledger.period;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.programmeledger.ledger.commands.GroupCommit;
import org.programmeledger.ledger.store.ImportRuns;
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
 * collides with nothing, so {@link HeldPeriodCheck} asks the store after it. A command of a group ({@link GroupCommit})
 * counts as alone: the group's events collide likewise, and the gateway sends each of its commands once more.
 *
 * <p>During an import of many files ({@link ImportRuns}) the periods its files load are held apart from the most
 * recently used, up to a number of events: an import's files are by format, so each period comes back once per
 * format, after more periods than the recently used ones hold (round 7: each was loaded about four times). Once
 * that budget is full, further periods are not held (evicting the least recently used would, on files that visit
 * the periods in the same order each format, evict every period just before it is needed again); a held period
 * that grows past the budget is let go, so that the budget bounds the events held, however the periods grow; the
 * held ones are let go when the import ends. They are checked against the store before use as above.
 */
final class CheckedAggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final ObjectProvider<EventStore> eventStore;
    /** The store, once asked for: resolving it through Spring was 2% of an import's thread (BENCHMARKS.md). */
    private volatile EventStore store;
    private final ImportRuns importRuns;
    private final long heldEventsAtMost;
    /** The periods held for an import under way, by identifier, and the events each holds. */
    private final Map<Object, Held> held = new HashMap<>();
    private long heldEvents;
    private final List<Consumer<Map<Object, Object>>> whenHeldLetGo = new CopyOnWriteArrayList<>();

    private record Held(Object entry, long events) {
    }

    CheckedAggregateCache(int capacity, ObjectProvider<EventStore> eventStore, ImportRuns importRuns,
                          long heldEventsAtMost) {
        this.eventStore = eventStore;
        this.importRuns = importRuns;
        this.heldEventsAtMost = heldEventsAtMost;
        importRuns.whenAllEnded(this::letGoHeld);
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
            Held forImport = held.get(key);
            value = forImport != null ? forImport.entry() : entries.get(key);
        }
        if (value instanceof AggregateCacheEntry<?> entry) {
            // An entry kept in memory holds the aggregate itself, which the repository hands out again; its
            // version is that of the last event applied to it.
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
            boolean alone = CurrentUnitOfWork.isStarted()
                    && (CurrentUnitOfWork.get().isRoot() || GroupCommit.isGroupMember(CurrentUnitOfWork.get()));
            if (aggregate != null && alone) {
                HeldPeriodCheck.held(CurrentUnitOfWork.get(), key.toString(), aggregate);
            } else if (aggregate == null || !Objects.equals(aggregate.version(),
                    store().lastSequenceNumberFor(key.toString()).orElse(null))) {
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
            if (!holdForImport(key, value)) {
                entries.put(key, value);
            }
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        forgetUnlessCommitted(key);
        synchronized (entries) {
            if (held.containsKey(key) || entries.containsKey(key)) {
                return false;
            }
            if (!holdForImport(key, value)) {
                entries.put(key, value);
            }
            return true;
        }
    }

    /** Holds the period for the import under way if there is one and the budget allows; the caller synchronizes. */
    private boolean holdForImport(Object key, Object value) {
        if (!importRuns.underWay() || !(value instanceof AggregateCacheEntry<?> entry)) {
            return false;
        }
        EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
        long events = aggregate == null || aggregate.version() == null ? 1 : aggregate.version() + 1;
        Held before = held.get(key);
        long after = heldEvents - (before == null ? 0 : before.events()) + events;
        if (after > heldEventsAtMost) {
            // A held period is put again after each command that changed it: one grown past the budget is let go
            // (else periods held small, from a first format's files, grew with every later format unbounded).
            if (before != null) {
                held.remove(key);
                heldEvents -= before.events();
            }
            return false;
        }
        held.put(key, new Held(value, events));
        heldEvents = after;
        entries.remove(key);
        return true;
    }

    private EventStore store() {
        EventStore resolved = store;
        if (resolved == null) {
            resolved = eventStore.getObject();
            store = resolved;
        }
        return resolved;
    }

    /** Whether an import under way holds the period (see {@link SnapshotsBesideImports}). */
    boolean heldForImport(Object key) {
        synchronized (entries) {
            return held.containsKey(key);
        }
    }

    /** Calls {@code listener} with the entries held, by identifier, each time an import's end lets them go. */
    void whenHeldLetGo(Consumer<Map<Object, Object>> listener) {
        whenHeldLetGo.add(listener);
    }

    private void letGoHeld() {
        Map<Object, Object> letGo = new HashMap<>();
        synchronized (entries) {
            held.forEach((key, period) -> letGo.put(key, period.entry()));
            held.clear();
            heldEvents = 0;
        }
        whenHeldLetGo.forEach(listener -> listener.accept(letGo));
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
            Held forImport = held.remove(key);
            if (forImport != null) {
                heldEvents -= forImport.events();
            }
            return entries.remove(key) != null || forImport != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
            held.clear();
            heldEvents = 0;
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return held.containsKey(key) || entries.containsKey(key);
        }
    }

    /** Only the plan period repository reads this cache, and it registers no listeners. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the plan period cache takes no entry listeners");
    }
}
