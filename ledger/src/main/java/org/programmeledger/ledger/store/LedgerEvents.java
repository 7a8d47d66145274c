package org.programmeledger.ledger.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.programmeledger.ledger.service.RecordedEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one reader of the stored events, each decoded as the event store decodes it: the event serializer after
 * the configured upcasters. The ledger is read in keyset pages on the primary key (each page an index range,
 * the heap holding one page however long the ledger): as Axon's messages for the views' replay, which hands
 * them to its handler invoker, and as typed {@link RecordedEvent}s for history, as-of, publications and the
 * registry. One aggregate's events come from Axon's storage engine. Faster than the engine's tracking reads
 * (a query and a transaction per 100 events, built for processors that wait for new events).
 */
@Component
public class LedgerEvents {

    /** Events per page of {@link #inOrder}; a page is decoded together, so an upcaster sees neighbouring events. */
    private static final int PAGE = 500;
    private static final String COLUMNS = "SELECT global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data "
            + "FROM domain_event_entry ";
    private static final String COLUMNS_WITHOUT_META_DATA = "SELECT global_index, type, aggregate_identifier, "
            + "sequence_number, event_identifier, time_stamp, payload_type, payload_revision, payload "
            + "FROM domain_event_entry ";

    private final EventStorageEngine engine;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    /** No upcaster configured: the chain hands back the very stream it is given, adding no step. */
    private final boolean upcasting;
    private final TransactionTemplate snapshot;
    private final LedgerEventStore eventStore;

    LedgerEvents(EventStorageEngine engine, JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                 org.axonframework.config.Configuration axon, PlatformTransactionManager transactionManager,
                 LedgerEventStore eventStore) {
        this.engine = engine;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = axon.upcasterChain();
        Stream<IntermediateEventRepresentation> none = Stream.empty();
        this.upcasting = upcasters.upcast(none) != none;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /**
     * Up to {@code size} events after position {@code after}, in order, each with a token at its own position
     * (no gaps: a reader that must see events committed late into a gap keeps track of gaps itself).
     * Call it inside a transaction on PostgreSQL for a consistent page; payloads are decoded when first read.
     */
    public List<TrackedEventMessage<?>> after(long after, int size) {
        return decoded(rowsAfter(after, size));
    }

    /**
     * As {@link #after}, without the events' metadata: their messages hold the decoded payload, the sequence number,
     * the recording time and the position (what the views' handlers take), and no metadata. Without upcasters the
     * metadata is not even read, nor Axon's entries built: a replay's reading thread read and then dropped them.
     */
    public List<TrackedEventMessage<?>> afterWithoutMetaData(long after, int size) {
        if (upcasting) {
            return after(after, size).stream().<TrackedEventMessage<?>>map(LedgerEvents::withoutMetaData).toList();
        }
        return jdbc.query(COLUMNS_WITHOUT_META_DATA + "WHERE global_index > ? ORDER BY global_index LIMIT ?",
                this::withoutMetaData, after, size);
    }

    /** The events stored at these positions (a tracking token's gaps, some filled since), in order. */
    public List<TrackedEventMessage<?>> at(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return decoded(jdbc.query(COLUMNS + "WHERE global_index IN (" + String.join(", ",
                Collections.nCopies(positions.size(), "?")) + ") ORDER BY global_index", LedgerEvents::row,
                positions.toArray()));
    }

    /** Every event, in the order of the ledger, a page at a time in one read-only snapshot of the store. */
    public void inOrder(Consumer<RecordedEvent> each) {
        snapshot.executeWithoutResult(status -> {
            long after = -1;
            List<TrackedEventData<?>> rows;
            do {
                rows = rowsAfter(after, PAGE);
                if (rows.isEmpty()) {
                    return;
                }
                // The last row, not the last message: an upcaster may drop events.
                long last = position(rows.get(rows.size() - 1));
                Map<Long, String> leaves = leafHashes(after, last);
                for (TrackedEventMessage<?> event : decoded(rows)) {
                    long position = event.trackingToken().position().orElseThrow();
                    each.accept(recorded((DomainEventMessage<?>) event, position, leaves.get(position)));
                }
                after = last;
            } while (rows.size() == PAGE);
        });
    }

    /** Ends the current wait of this node's processors for new events: they look at their state again at once. */
    public void wakeWaitingProcessors() {
        eventStore.wakeWaitingStreams();
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

    private List<TrackedEventData<?>> rowsAfter(long after, int size) {
        return jdbc.query(COLUMNS + "WHERE global_index > ? ORDER BY global_index LIMIT ?", LedgerEvents::row,
                after, size);
    }

    /** The leaf hashes of the sealed events in positions ({@code after}, {@code last}]. */
    private Map<Long, String> leafHashes(long after, long last) {
        Map<Long, String> leaves = new HashMap<>();
        jdbc.query("SELECT position, leaf_hash FROM ledger_tree_leaf WHERE position > ? AND position <= ?",
                row -> {
                    leaves.put(row.getLong(1), row.getString(2));
                }, after, last);
        return leaves;
    }

    private static TrackedEventData<?> row(ResultSet row, int n) throws SQLException {
        return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(row.getLong(1), List.of()),
                new StoredEventEntry(row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                        row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10)));
    }

    /** A row of {@link #COLUMNS_WITHOUT_META_DATA}, decoded as Axon decodes a row no upcaster changes. */
    private TrackedEventMessage<?> withoutMetaData(ResultSet row, int n) throws SQLException {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.getString(9), String.class,
                row.getString(7), row.getString(8)));
        return lean(GapAwareTrackingToken.newInstance(row.getLong(1), List.of()), row.getString(2),
                row.getString(3), row.getLong(4), row.getString(5), payload,
                StoredEventEntry.timestamp(row.getString(6)));
    }

    private static TrackedEventMessage<?> withoutMetaData(TrackedEventMessage<?> read) {
        DomainEventMessage<?> domain = (DomainEventMessage<?>) read;
        return lean(read.trackingToken(), domain.getType(), domain.getAggregateIdentifier(),
                domain.getSequenceNumber(), read.getIdentifier(), read.getPayload(), read.getTimestamp());
    }

    private static TrackedEventMessage<?> lean(TrackingToken token, String type, String aggregateIdentifier,
                                               long sequenceNumber, String identifier, Object payload,
                                               Instant timestamp) {
        return new GenericTrackedDomainEventMessage<>(token, type, aggregateIdentifier, sequenceNumber,
                new GenericMessage<>(identifier, payload, MetaData.emptyInstance()), () -> timestamp);
    }

    private static long position(TrackedEventData<?> row) {
        return row.trackingToken().position().orElseThrow();
    }

    private List<TrackedEventMessage<?>> decoded(List<TrackedEventData<?>> rows) {
        try (Stream<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(),
                serializer, upcasters)) {
            return new ArrayList<>(events.toList());
        }
    }

    private static RecordedEvent recorded(DomainEventMessage<?> event, long position, String seal) {
        return new RecordedEvent(position, event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getTimestamp(), event.getMetaData(), event.getPayload(), seal == null ? null : seal.trim());
    }
}
