package org.programmeledger.ledger.sealing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC engine, appending in the command's own transaction with no lock of its own. Beside each event
 * it writes the event's authenticator, in the same transaction; the sequencer seals committed events later
 * and is woken when the transaction commits.
 */
public class SealingEventStorageEngine extends JdbcEventStorageEngine {

    private static final int IN_CHUNK = 500;

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
            super.appendEvents(events, serializer);
            authenticate(events.stream().map(EventMessage::getIdentifier).toList());
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

    /** Reads back the rows just appended (their positions are the database's) and authenticates each. */
    private void authenticate(List<String> eventIdentifiers) {
        List<Object[]> rows = new ArrayList<>(eventIdentifiers.size());
        for (int from = 0; from < eventIdentifiers.size(); from += IN_CHUNK) {
            List<String> chunk = eventIdentifiers.subList(from, Math.min(from + IN_CHUNK, eventIdentifiers.size()));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT " + SealedEvent.COLUMNS + " FROM domain_event_entry WHERE event_identifier IN ("
                    + marks + ")", row -> {
                SealedEvent event = SealedEvent.read(row);
                rows.add(new Object[] {event.position(), event.eventIdentifier(), key.keyId(),
                        key.authenticate(event.leafData())});
            }, chunk.toArray());
        }
        // One JDBC batch: a file import appends thousands of events in its transaction.
        jdbc.batchUpdate("INSERT INTO ledger_event_authenticator (position, event_identifier, key_id, mac) "
                + "VALUES (?, ?, ?, ?)", rows);
    }
}
