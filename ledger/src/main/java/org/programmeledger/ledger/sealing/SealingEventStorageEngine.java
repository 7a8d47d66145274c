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
    /**
     * PostgreSQL, positions drawn ahead: the event and its authenticator in one statement, inserted only if no event
     * lies above the position given (PositionBlocks says why), and only if every guard holds. "No event above" is
     * asked as the highest position, which PostgreSQL reads from the end of the primary key whatever it knows of
     * the table: asked as NOT EXISTS, a table not yet analysed (after a bulk import or a restore, until autovacuum
     * runs) was read whole on every append (BENCHMARKS.md, round 13).
     */
    static final String INSERT_AT = "WITH e AS (INSERT INTO domain_event_entry (" + SealedEvent.COLUMNS
            + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE COALESCE((SELECT MAX(p.global_index) "
            + "FROM domain_event_entry p), 0) <= ?";
    static final String AND_AUTHENTICATE = " RETURNING global_index) INSERT INTO ledger_event_authenticator "
            + "(position, event_identifier, key_id, mac) SELECT global_index, ?, ?, ? FROM e";

    private final TransactionManager transactionManager;
    private final JdbcTemplate jdbc;
    private final SigningKey key;
    private final IntConsumer committed;
    private final PositionBlocks drawnAhead;
    private final SnapshotAuthenticity snapshots;

    /**
     * @param drawnAhead positions drawn ahead (PostgreSQL), or null: the insert draws them and the authenticators
     *                   follow in a second statement (H2, in-process, where a statement costs no round trip)
     */
    SealingEventStorageEngine(Builder builder, TransactionManager transactionManager, JdbcTemplate jdbc,
                              SigningKey key, IntConsumer committed, PositionBlocks drawnAhead,
                              SnapshotAuthenticity snapshots) {
        super(builder);
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.key = key;
        this.committed = committed;
        this.drawnAhead = drawnAhead;
        this.snapshots = snapshots;
    }

    /** A snapshot goes in with its authenticator, over the payload as it is serialized and stored. */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        super.storeSnapshot(snapshot.andMetaData(Map.of(SnapshotAuthenticity.META_DATA_KEY, snapshots.authenticate(
                snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), payload))), serializer);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            store(events, serializer);
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

    /** By COPY when large (PostgreSQL), else with the authenticators in the insert's statement, or after it. */
    private void store(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (copied(events, serializer)) {
            return;
        }
        if (drawnAhead != null) {
            insertAuthenticated(events, serializer);
        } else {
            authenticate(insert(events, serializer));
        }
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
                AppendGuard.bind(guards, insert, row.bindAfterPosition(insert, 1));
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

    /**
     * Each event with its authenticator in one statement, at positions drawn ahead; one JDBC batch. When another
     * node appended above the block the positions came from, nothing of the rest is inserted and they go again,
     * in the same transaction, at positions drawn after the block: no exception, so PostgreSQL's transaction stays
     * usable and the command does not fail. Inserting nothing then too means a guard no longer holds.
     */
    private void insertAuthenticated(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<AppendGuard> guards = AppendGuard.ofThisTransaction();
        List<SealedEvent> rows = events.stream().map(event -> unpositioned(event, serializer)).toList();
        Connection connection = getConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_AT + guardedBy(guards)
                + AND_AUTHENTICATE)) {
            PositionBlocks.Draw draw = count -> draw(connection, count);
            PositionBlocks.Taken taken = drawnAhead.take(rows.size(), draw);
            int inserted = 0;
            while (true) {
                List<SealedEvent> part = rows.subList(inserted, inserted + taken.positions().length);
                int insertedNow = insertAt(insert, part, taken, guards);
                inserted += insertedNow;
                if (inserted == rows.size()) {
                    break;
                }
                int rest = rows.size() - inserted;
                if (insertedNow == part.size()) {
                    // The part took what was left of a block; the rest goes at positions drawn now.
                    taken = drawnAhead.take(rest, draw);
                } else if (taken.checked()) {
                    taken = drawnAhead.takeAfterStale(rest, draw, taken);
                } else {
                    throw stale(guards);
                }
            }
        } catch (SQLException e) {
            throw notAppended(e, events);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    /**
     * How many of the rows, from the first, the statement inserted at the positions taken. An event that committed
     * above the block stays there, so once a row is not inserted, no later one is.
     */
    private int insertAt(PreparedStatement insert, List<SealedEvent> rows, PositionBlocks.Taken taken,
                         List<AppendGuard> guards) throws SQLException {
        for (int i = 0; i < rows.size(); i++) {
            SealedEvent row = rows.get(i).at(taken.positions()[i]);
            insert.setLong(1, row.position());
            int afterRow = row.bindAfterPosition(insert, 2);
            insert.setLong(afterRow, taken.noEventAbove());
            int parameter = AppendGuard.bind(guards, insert, afterRow + 1);
            insert.setString(parameter++, row.eventIdentifier());
            insert.setString(parameter++, key.keyId());
            insert.setString(parameter, key.authenticate(row.leafData()));
            insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        int inserted = 0;
        while (inserted < counts.length && counts[inserted] != 0) {
            inserted++;
        }
        return inserted;
    }

    private static long[] draw(Connection connection, int count) {
        try {
            return CopyAppend.draw(connection, count);
        } catch (SQLException e) {
            throw new EventStoreException("no positions could be drawn for the events", e);
        }
    }

    private static String guardedBy(List<AppendGuard> guards) {
        return guards.stream().map(guard -> " AND (" + guard.condition() + ")").reduce("", String::concat);
    }

    private static ConcurrencyException stale(List<AppendGuard> guards) {
        guards.forEach(guard -> guard.stale().run());
        return new ConcurrencyException("what the command relied on changed in the store since this node "
                + "read it; nothing was appended");
    }

    /**
     * The exception an append that the database refused ends in. Only a unique violation is a collision (Axon's JDBC
     * resolver takes any integrity violation for one, and knows H2's exception for it but not PostgreSQL's): another
     * append to the aggregate since it was loaded, its creation on another node included, which the gateway sends
     * again (period.RetryAfterCollision) to be decided on the aggregate as stored.
     */
    private static RuntimeException notAppended(SQLException e, List<? extends EventMessage<?>> events) {
        DomainEventMessage<?> first = asDomainEvent(events.get(0));
        if (duplicateKey(e)) {
            return new ConcurrencyException("An event for aggregate [" + first.getAggregateIdentifier()
                    + "] at sequence [" + first.getSequenceNumber() + "] was already inserted", e);
        }
        return new EventStoreException("the events of " + first.getAggregateIdentifier() + " could not be appended", e);
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
