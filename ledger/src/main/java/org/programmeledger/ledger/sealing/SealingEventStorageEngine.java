package org.programmeledger.ledger.sealing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.programmeledger.ledger.store.AppendGuard;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC engine, appending in the command's own transaction with no lock of its own. Beside each event
 * it writes the event's authenticator, in the same transaction; the sequencer seals committed events later
 * and is woken when the transaction commits.
 */
public class SealingEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's insert (JdbcEventStorageEngineStatements.appendEvents), the database answering with each position. */
    private static final String INSERT = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) ";
    private static final String VALUES = "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String VALUES_IF = "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ";
    private static final String[] DRAWN = {"global_index", "event_identifier"};

    private final TransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final SigningKey key;
    private final IntConsumer committed;

    SealingEventStorageEngine(Builder builder, TransactionManager transactionManager, JdbcTemplate jdbc,
                              SigningKey key, IntConsumer committed) {
        super(builder);
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.key = key;
        this.committed = committed;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            if (!copied(events, serializer)) {
                authenticate(insert(events, serializer));
            }
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        committed.accept(events.size());
                    }
                });
            }
        });
    }

    /**
     * Inserts the events as Axon does, and returns each row exactly as stored: the columns from the values sent,
     * the position as the database drew it (returned by the insert itself, so that authenticating costs no query).
     */
    private List<SealedEvent> insert(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<SealedEvent> rows = new ArrayList<>(events.size());
        List<AppendGuard> guards = AppendGuard.ofThisTransaction();
        Connection connection = getConnection();
        try (PreparedStatement insert = connection.prepareStatement(insertStatement(guards), DRAWN)) {
            for (EventMessage<?> message : events) {
                SealedEvent row = unpositioned(message, serializer);
                insert.setString(1, row.eventIdentifier());
                insert.setString(2, row.aggregateIdentifier());
                insert.setLong(3, row.sequenceNumber());
                insert.setString(4, row.type());
                insert.setString(5, row.timestamp());
                insert.setString(6, row.payloadType());
                insert.setString(7, row.payloadRevision());
                insert.setString(8, row.payload());
                insert.setString(9, row.metaData());
                int parameter = 10;
                for (AppendGuard guard : guards) {
                    for (Object argument : guard.arguments()) {
                        insert.setObject(parameter++, argument);
                    }
                }
                insert.addBatch();
                rows.add(row);
            }
            if (Arrays.stream(insert.executeBatch()).anyMatch(inserted -> inserted == 0)) {
                throw stale(guards);
            }
            Map<String, Long> positions = new HashMap<>();
            try (ResultSet drawn = insert.getGeneratedKeys()) {
                while (drawn.next()) {
                    positions.put(drawn.getString(2), drawn.getLong(1));
                }
            }
            return rows.stream().map(row -> row.at(positionOf(positions, row))).toList();
        } catch (SQLException e) {
            throw notAppended(e, events);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    /** Appends a large batch on PostgreSQL with COPY (see {@link CopyAppend}); false when it does not suit. */
    private boolean copied(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.size() < CopyAppend.FROM_EVENTS) {
            return false; // a single command's append: no connection asked for just to learn that
        }
        Connection connection = getConnection();
        try {
            if (!CopyAppend.suits(connection)) {
                return false;
            }
            List<AppendGuard> guards = AppendGuard.ofThisTransaction();
            if (!CopyAppend.append(connection, events.stream().map(event -> unpositioned(event, serializer))
                    .toList(), guards, key)) {
                throw stale(guards);
            }
            return true;
        } catch (SQLException e) {
            throw notAppended(e, events);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    private static ConcurrencyException stale(List<AppendGuard> guards) {
        guards.forEach(guard -> guard.stale().run());
        return new ConcurrencyException("what the command relied on changed in the store since this node "
                + "read it; nothing was appended");
    }

    /** The exception an append that the database refused ends in. */
    private RuntimeException notAppended(SQLException e, List<? extends EventMessage<?>> events) {
        DomainEventMessage<?> first = asDomainEvent(events.get(0));
        if (first.getSequenceNumber() > 0 && duplicateKey(e)) {
            // Axon's JDBC resolver knows H2's exception for this, not PostgreSQL's: either way it is another
            // append to the aggregate since it was loaded, which the gateway retries (period.RetryAfterCollision).
            return new ConcurrencyException("An event for aggregate [" + first.getAggregateIdentifier()
                    + "] at sequence [" + first.getSequenceNumber() + "] was already inserted", e);
        }
        handlePersistenceException(e, events.get(0));
        // Not reached: Axon's handler throws (a concurrent append of the aggregate, or the store failing).
        return new EventStoreException("the events could not be appended", e);
    }

    /** Axon's insert, or, under guards, an insert of nothing unless every guard's condition holds. */
    private static String insertStatement(List<AppendGuard> guards) {
        return guards.isEmpty() ? INSERT + VALUES : INSERT + VALUES_IF
                + String.join(" AND ", guards.stream().map(AppendGuard::condition).toList());
    }

    private static long positionOf(Map<String, Long> positions, SealedEvent row) {
        Long position = positions.get(row.eventIdentifier());
        if (position == null) {
            throw new EventStoreException("the database did not say where it stored event " + row.eventIdentifier());
        }
        return position;
    }

    /** Unique violation, SQL state 23505 on H2 and PostgreSQL, on the exception or one it wraps. */
    private static boolean duplicateKey(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** An event as Axon's insert sees it: a message of no aggregate is stored as its own, at 0. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
    }

    /** The row Axon's insert writes for an event. */
    private SealedEvent unpositioned(EventMessage<?> message, Serializer serializer) {
        DomainEventMessage<?> event = asDomainEvent(message);
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new SealedEvent(0, event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getType(), DateTimeUtils.formatInstant(event.getTimestamp()), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData.getData());
    }

    /** One JDBC batch: a file import appends thousands of events in its transaction. */
    private void authenticate(List<SealedEvent> stored) {
        jdbc.batchUpdate("INSERT INTO ledger_event_authenticator (position, event_identifier, key_id, mac) "
                + "VALUES (?, ?, ?, ?)", stored.stream().map(event -> new Object[] {event.position(),
                event.eventIdentifier(), key.keyId(), key.authenticate(event.leafData())}).toList());
    }
}
