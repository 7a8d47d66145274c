package org.programmeledger.ledger.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one reader of the stored events for history, as-of, publications and the registry: Axon's storage engine
 * reads them, so the serializer and its upcasters apply, and each is handed on as a typed record. The SQL here
 * only adds what the engine does not carry: positions of one aggregate's events, and their seals.
 */
@Component
public class LedgerEvents {

    /** Events whose seals are looked up together, so a long history costs one query per batch, not per event. */
    private static final int BATCH = 500;

    private final EventStorageEngine engine;
    private final JdbcTemplate jdbc;

    LedgerEvents(EventStorageEngine engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /** Every event, in the order of the ledger, streamed. */
    public void inOrder(Consumer<RecordedEvent> each) {
        List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            events.forEach(event -> {
                batch.add(event);
                if (batch.size() == BATCH) {
                    emit(batch, each);
                }
            });
        }
        emit(batch, each);
    }

    /** The events of one aggregate (a plan period, an organisation, ...), in its own order. */
    public List<RecordedEvent> ofAggregate(String aggregateIdentifier) {
        Map<Long, Long> positions = new HashMap<>();
        Map<Long, String> seals = new HashMap<>();
        jdbc.query("SELECT e.sequence_number, e.global_index, l.leaf_hash FROM domain_event_entry e "
                + "LEFT JOIN ledger_tree_leaf l ON l.position = e.global_index WHERE e.aggregate_identifier = ?", row -> {
                    positions.put(row.getLong(1), row.getLong(2));
                    seals.put(row.getLong(2), row.getString(3));
                }, aggregateIdentifier);
        List<RecordedEvent> events = new ArrayList<>();
        engine.readEvents(aggregateIdentifier).asStream().forEach(event -> {
            long position = positions.get(event.getSequenceNumber());
            events.add(recorded(event, position, seals.get(position)));
        });
        return events;
    }

    private void emit(List<TrackedEventMessage<?>> batch, Consumer<RecordedEvent> each) {
        if (batch.isEmpty()) {
            return;
        }
        long from = position(batch.get(0));
        long to = position(batch.get(batch.size() - 1));
        Map<Long, String> seals = new HashMap<>();
        jdbc.query("SELECT position, leaf_hash FROM ledger_tree_leaf WHERE position BETWEEN ? AND ?",
                row -> {
                    seals.put(row.getLong(1), row.getString(2));
                }, from, to);
        for (TrackedEventMessage<?> event : batch) {
            long position = position(event);
            each.accept(recorded((DomainEventMessage<?>) event, position, seals.get(position)));
        }
        batch.clear();
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    private static RecordedEvent recorded(DomainEventMessage<?> event, long position, String seal) {
        return new RecordedEvent(position, event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getTimestamp(), event.getMetaData(), event.getPayload(), seal == null ? null : seal.trim());
    }
}
