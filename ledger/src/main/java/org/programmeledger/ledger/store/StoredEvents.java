package org.programmeledger.ledger.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored events in global order, a page at a time (keyset pages on the primary key, so each page is an
 * index range and the heap holds one page however long the ledger), decoded as the event store decodes
 * them: the event serializer after the configured upcasters. For readers that go through the whole ledger
 * faster than a tracking processor's stream does, which fetches a hundred events per query.
 */
@Component
public class StoredEvents {

    private static final String COLUMNS = "SELECT global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data "
            + "FROM domain_event_entry ";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;

    StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                 org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
    }

    /**
     * Up to {@code size} events after position {@code after}, in order, each with a token at its own position
     * (no gaps: a reader that must see events committed late into a gap keeps track of gaps itself).
     * Call it inside a transaction on PostgreSQL for a consistent page; payloads are decoded when first read.
     */
    public List<TrackedEventMessage<?>> after(long after, int size) {
        return decoded(jdbc.query(COLUMNS + "WHERE global_index > ? ORDER BY global_index LIMIT ?", StoredEvents::row,
                after, size));
    }

    /** The events stored at these positions (a tracking token's gaps, some filled since), in order. */
    public List<TrackedEventMessage<?>> at(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return decoded(jdbc.query(COLUMNS + "WHERE global_index IN (" + String.join(", ",
                Collections.nCopies(positions.size(), "?")) + ") ORDER BY global_index", StoredEvents::row,
                positions.toArray()));
    }

    private static TrackedEventData<?> row(ResultSet row, int n) throws SQLException {
        return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(row.getLong(1), List.of()),
                new GenericDomainEventEntry<>(row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                        row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10)));
    }

    private List<TrackedEventMessage<?>> decoded(List<TrackedEventData<?>> rows) {
        try (Stream<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(),
                serializer, axon.upcasterChain())) {
            return new ArrayList<>(events.toList());
        }
    }
}
