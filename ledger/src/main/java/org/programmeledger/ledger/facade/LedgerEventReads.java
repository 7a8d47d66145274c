package org.programmeledger.ledger.facade;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.programmeledger.ledger.service.RecordedEvent;
import org.programmeledger.ledger.store.EventStoreSettings;
import org.programmeledger.ledger.store.LedgerEvents;
import org.springframework.stereotype.Component;

/**
 * The ledger's events as its readers outside the ledger need them: one aggregate's as typed records (history
 * pages), or pages of the whole ledger as Axon messages (the views' replay). Serializer and upcasters applied.
 */
@Component
public class LedgerEventReads {

    private final LedgerEvents events;
    private final EventStoreSettings settings;

    LedgerEventReads(LedgerEvents events, EventStoreSettings settings) {
        this.events = events;
        this.settings = settings;
    }

    /** The events of one aggregate (a plan period, an organisation, ...), in its own order. */
    public List<RecordedEvent> ofAggregate(String aggregateIdentifier) {
        return events.ofAggregate(aggregateIdentifier);
    }

    /**
     * Up to {@code size} events after position {@code after}, in order, each with a token at its own position.
     * Call it inside a transaction on PostgreSQL for a consistent page.
     */
    public List<TrackedEventMessage<?>> after(long after, int size) {
        return events.after(after, size);
    }

    /**
     * As {@link #after}, the messages without the events' metadata (payload decoded, sequence number, recording time,
     * position): what the views' handlers take, and all a replay's page need hold.
     */
    public List<TrackedEventMessage<?>> afterWithoutMetaData(long after, int size) {
        return events.afterWithoutMetaData(after, size);
    }

    /** The events stored at these positions (a tracking token's gaps, some filled since), in order. */
    public List<TrackedEventMessage<?>> at(Collection<Long> positions) {
        return events.at(positions);
    }

    /**
     * Ends the current wait of this node's event processors for new events (their wait answers "none yet" at once),
     * so that one being stopped stops without sitting out its wait, and one just started says it has caught up.
     */
    public void wakeWaitingProcessors() {
        events.wakeWaitingProcessors();
    }

    /** How long a gap in the global sequence is waited for ({@code ledger.event-store.gap-timeout-millis}). */
    public Duration gapTimeout() {
        return Duration.ofMillis(settings.gapTimeoutMillis());
    }
}
