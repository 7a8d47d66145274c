package org.programmeledger.ledger.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's embedded event store, except that it finds the events staged in the current units of work in time
 * proportional to their number. Loading an aggregate (and asking its last sequence number) adds the events the
 * unit has not stored yet; Axon collects them with a {@code List.contains} per event, so in an import's file,
 * whose thousands of events all wait in one unit, every plan period loaded cost time quadratic in the file's
 * events: a fifth of the importing thread (BENCHMARKS.md, round 5). Same events, same order: from the root
 * unit to the current one, a unit rolled back adding none, each event once.
 *
 * <p>Its event processors read the store directly, a batch at a time, instead of through Axon's cache of recent
 * events shared between processors (Axon's "optimized event consumption"): the views are this node's only
 * processor, so the cache saved nothing, and it held every event read since a lagging processor's place in it. A
 * 10^6-event import on PostgreSQL ran out of its 512 MiB that way, the heap dump holding 292 501 cached events
 * (BENCHMARKS.md round 6; Axon issue #2954). A processor waiting for events is woken by this node's commits, as
 * Axon's cache woke it, and asks the store at least every second for those of other nodes. Woken, it first waits
 * out the fetch spacing, so that under a stream of commits one read, and one transaction of the views, takes the
 * commits of that moment together instead of two queries and a transaction per commit (BENCHMARKS.md, round 6).
 */
final class LedgerEventStore extends EmbeddedEventStore {

    /** How long a waiting processor goes without asking the store: Axon's own fetch delay. */
    private static final long OTHER_NODES_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The name under which Axon's event bus keeps a unit's staged events (AbstractEventBus). */
    private final String stagedEventsKey = this + "_EVENTS";
    private final Object commitSignal = new Object();
    /** Commits of this node's events so far; guarded by commitSignal. */
    private long commits;
    /** Calls of {@link #wakeWaitingStreams()} so far; guarded by commitSignal. */
    private long wakes;
    private final long fetchSpacingNanos;

    LedgerEventStore(Builder builder, Duration fetchSpacing) {
        super(builder.optimizeEventConsumption(false));
        this.fetchSpacingNanos = fetchSpacing.toNanos();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new WokenByCommits(super.openStream(trackingToken));
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        synchronized (commitSignal) {
            commits++;
            commitSignal.notifyAll();
        }
    }

    /**
     * Ends the wait of every stream waiting for events now: its {@code hasNextAvailable} answers false at once. A
     * processor being stopped otherwise sits out its wait (Axon's event availability timeout, a second) before it
     * sees that it should stop, and one just started reports itself caught up only after its first wait.
     */
    void wakeWaitingStreams() {
        synchronized (commitSignal) {
            wakes++;
            commitSignal.notifyAll();
        }
    }

    private long commitsSoFar() {
        synchronized (commitSignal) {
            return commits;
        }
    }

    private long wakesSoFar() {
        synchronized (commitSignal) {
            return wakes;
        }
    }

    /** Waits for a commit after {@code seen} commits, for a wake after {@code woken} wakes, or {@code nanos}. */
    private void awaitCommitAfter(long seen, long woken, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (commitSignal) {
            for (long left = nanos; commits == seen && wakes == woken && left > 0;
                 left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(commitSignal, left);
            }
        }
    }

    /**
     * A processor's stream of the stored events. Axon's stream reading the store itself only waits for a signal
     * of its cache, which is not running: this one asks the store again after each commit, and every second.
     */
    private final class WokenByCommits implements TrackingEventStream {

        private final TrackingEventStream stored;

        WokenByCommits(TrackingEventStream stored) {
            this.stored = stored;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            long woken = wakesSoFar();
            while (true) {
                long seen = commitsSoFar();
                if (stored.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || wakesSoFar() != woken) {
                    return false;
                }
                awaitCommitAfter(seen, woken, Math.min(left, OTHER_NODES_NANOS));
                if (wakesSoFar() != woken) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(fetchSpacingNanos, deadline - System.nanoTime()));
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // nothing stored yet: ask again
            }
            return stored.nextAvailable();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stored.peek();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stored.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stored.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stored.close();
        }
    }

    @Override
    protected List<EventMessage<?>> queuedMessages() {
        return staged(event -> true);
    }

    /**
     * Only the aggregate's own staged events, picked before the rest are looked at: loading a plan period in a
     * file's unit went through all the file's staged events once more for each period (5% of an import's thread).
     */
    @Override
    protected Stream<? extends DomainEventMessage<?>> stagedDomainEventMessages(String aggregateIdentifier) {
        return staged(event -> event instanceof DomainEventMessage<?> domain
                && aggregateIdentifier.equals(domain.getAggregateIdentifier())).stream()
                .map(event -> (DomainEventMessage<?>) event);
    }

    private List<EventMessage<?>> staged(Predicate<EventMessage<?>> wanted) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Collections.emptyList();
        }
        Deque<UnitOfWork<?>> rootFirst = new ArrayDeque<>();
        for (UnitOfWork<?> unit = CurrentUnitOfWork.get(); unit != null; unit = unit.parent().orElse(null)) {
            rootFirst.push(unit);
        }
        List<EventMessage<?>> staged = new ArrayList<>();
        // Messages have no equals of their own, so Axon's contains() is this identity test.
        Set<EventMessage<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (UnitOfWork<?> unit : rootFirst) {
            if (unit.isRolledBack()) {
                continue;
            }
            List<EventMessage<?>> events = unit.getOrDefaultResource(stagedEventsKey, Collections.emptyList());
            for (EventMessage<?> event : events) {
                if (wanted.test(event) && seen.add(event)) {
                    staged.add(event);
                }
            }
        }
        return staged;
    }
}
