package org.programmeledger.ledger.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one reader of the stored events for history, as-of, publications and the registry: each is handed on as a
 * typed record, deserialized by the event serializer with the upcasters applied. One aggregate's events come from
 * Axon's storage engine; the whole ledger is read by one streamed query and deserialized by Axon's own
 * {@link EventUtils#upcastAndDeserializeTrackedEvents}, since the engine's tracking reads (a query and a
 * transaction per 100 events, built for processors that wait for new events) took 20 times as long.
 */
@Component
public class LedgerEvents {

    /** Rows deserialized together, so an upcaster that looks at neighbouring events sees them. */
    private static final int BATCH = 500;
    private static final String IN_ORDER = "SELECT e.global_index, e.type, e.aggregate_identifier, e.sequence_number, "
            + "e.event_identifier, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, "
            + "l.leaf_hash FROM domain_event_entry e LEFT JOIN ledger_tree_leaf l ON l.position = e.global_index "
            + "ORDER BY e.global_index";

    private final EventStorageEngine engine;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final TransactionTemplate transaction;

    LedgerEvents(EventStorageEngine engine, JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                 org.axonframework.config.Configuration axon, PlatformTransactionManager transactionManager) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = axon.upcasterChain();
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setReadOnly(true);
    }

    /** Every event, in the order of the ledger, streamed (inside a transaction, so PostgreSQL streams too). */
    public void inOrder(Consumer<RecordedEvent> each) {
        transaction.executeWithoutResult(status -> {
            List<TrackedDomainEventData<String>> batch = new ArrayList<>(BATCH);
            Map<Long, String> seals = new HashMap<>();
            StreamedQuery.each(jdbc, IN_ORDER, row -> {
                long position = row.getLong(1);
                batch.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                        new GenericDomainEventEntry<>(row.getString(2), row.getString(3), row.getLong(4),
                                row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                                row.getString(9), row.getString(10))));
                seals.put(position, row.getString(11));
                if (batch.size() == BATCH) {
                    emit(batch, seals, each);
                }
            });
            emit(batch, seals, each);
        });
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

    /** The aggregates (plan periods, ...) that have at least one event of this payload type. */
    public List<String> aggregatesWith(Class<?> payloadType) {
        return jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE payload_type = ?",
                String.class, payloadType.getName());
    }

    private void emit(List<TrackedDomainEventData<String>> batch, Map<Long, String> seals,
                      Consumer<RecordedEvent> each) {
        EventUtils.upcastAndDeserializeTrackedEvents(batch.stream(), serializer, upcasters).forEach(event -> {
            long position = position(event);
            each.accept(recorded((DomainEventMessage<?>) event, position, seals.get(position)));
        });
        batch.clear();
        seals.clear();
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    private static RecordedEvent recorded(DomainEventMessage<?> event, long position, String seal) {
        return new RecordedEvent(position, event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getTimestamp(), event.getMetaData(), event.getPayload(), seal == null ? null : seal.trim());
    }
}
