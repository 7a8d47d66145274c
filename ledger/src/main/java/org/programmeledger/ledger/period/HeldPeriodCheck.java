package org.programmeledger.ledger.period;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.StaleVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * After a command that used a plan period held in memory without asking the store (see
 * {@link CheckedAggregateCache}) and recorded nothing in it, refused or not: asks whether the period is
 * still what the store holds. When another node recorded in it meanwhile, the answer may be wrong (a refusal
 * for an item that node registered, a stale version), so the period is dropped from memory, the command
 * fails as colliding with that node, and the gateway sends it once more. A command that recorded events
 * needs no question: they would have collided with that node's. Axon registers it on the command bus.
 */
@Component
class HeldPeriodCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String HELD = HeldPeriodCheck.class.getName() + ".held";

    private final Cache planPeriods;
    private final ObjectProvider<EventStore> eventStore;

    HeldPeriodCheck(@Qualifier("planPeriodCache") Cache planPeriods, ObjectProvider<EventStore> eventStore) {
        this.planPeriods = planPeriods;
        this.eventStore = eventStore;
    }

    private record Held(EventSourcedAggregate<?> aggregate, Long version) {
    }

    /** Notes that the unit uses {@code aggregate} as it was in memory, without having asked the store. */
    static void held(UnitOfWork<?> unit, String periodId, EventSourcedAggregate<?> aggregate) {
        unit.<Map<String, Held>>getOrComputeResource(HELD, key -> new HashMap<>())
                .putIfAbsent(periodId, new Held(aggregate, aggregate.version()));
    }

    /** Refusals are checked; a failure of the store itself is no answer from the period's state and passes on. */
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result;
        try {
            result = chain.proceed();
        } catch (LedgerRuleViolation | StaleVersion refused) {
            requireStillStored(unitOfWork, refused);
            throw refused;
        }
        requireStillStored(unitOfWork, null);
        return result;
    }

    private void requireStillStored(UnitOfWork<?> unit, RuntimeException refused) {
        Map<String, Held> held = unit.getResource(HELD);
        if (held == null) {
            return;
        }
        held.forEach((periodId, period) -> {
            boolean recorded = refused == null && !Objects.equals(period.version(), period.aggregate().version());
            if (!recorded && !Objects.equals(period.version(),
                    eventStore.getObject().lastSequenceNumberFor(periodId).orElse(null))) {
                planPeriods.remove(periodId);
                throw new ConcurrencyException("plan period " + periodId + " changed on another node since this "
                        + "node last used it", refused);
            }
        });
    }
}
