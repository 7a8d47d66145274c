package org.programmeledger.ledger.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
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
 */
final class LedgerEventStore extends EmbeddedEventStore {

    /** The name under which Axon's event bus keeps a unit's staged events (AbstractEventBus). */
    private final String stagedEventsKey = this + "_EVENTS";

    LedgerEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected List<EventMessage<?>> queuedMessages() {
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
                if (seen.add(event)) {
                    staged.add(event);
                }
            }
        }
        return staged;
    }
}
