package org.programmeledger.ledger.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Runs several commands as one: an Axon root unit of work with one database transaction, inside which
 * every command runs as a nested unit. The aggregates they touch stay locked until that transaction
 * ends, so no other command can read state that may still be rolled back, and events are stored only
 * when the whole unit commits.
 */
@Component
public class LedgerTransactions {

    private static final String RECORDED_EVENTS = LedgerTransactions.class.getName() + ".recordedEvents";
    private static final String OBSERVER = LedgerTransactions.class.getName() + ".observer";

    private final TransactionManager transactionManager;

    LedgerTransactions(TransactionManager transactionManager, EventStore eventStore) {
        this.transactionManager = transactionManager;
        eventStore.registerDispatchInterceptor(events -> (index, event) -> {
            CurrentUnitOfWork.ifStarted(unit -> {
                AtomicLong counter = unit.root().getResource(RECORDED_EVENTS);
                if (counter != null) {
                    counter.incrementAndGet();
                }
                Consumer<EventMessage<?>> observer = unit.root().getResource(OBSERVER);
                if (observer != null) {
                    observer.accept(event);
                }
            });
            return event;
        });
    }

    /** What the work returned, and how many events it recorded. */
    public record Outcome<T>(T result, long eventsRecorded) {
    }

    /** Runs the work in one unit; a runtime exception from it rolls everything back and is rethrown. */
    public <T> Outcome<T> inOne(Supplier<T> work) {
        return inOne(work, event -> {
        });
    }

    /** As {@link #inOne(Supplier)}, showing {@code observer} each event as the work records it. */
    public <T> Outcome<T> inOne(Supplier<T> work, Consumer<EventMessage<?>> observer) {
        UnitOfWork<Message<?>> unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(transactionManager);
        AtomicLong recorded = new AtomicLong();
        unit.resources().put(RECORDED_EVENTS, recorded);
        unit.resources().put(OBSERVER, observer);
        try {
            T result = work.get();
            unit.commit();
            return new Outcome<>(result, recorded.get());
        } catch (RuntimeException | Error e) {
            if (unit.isActive()) {
                unit.rollback(e);
            }
            throw e;
        }
    }
}
