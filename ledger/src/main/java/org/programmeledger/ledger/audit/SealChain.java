package org.programmeledger.ledger.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Seals appended events into the hash chain, inside the appending transaction. The transaction first
 * locks the chain's head, so appends happen one at a time: global positions are handed out in the
 * order the chain grows, and no seal is ever computed from a link another transaction may roll back.
 */
@Component
public class SealChain {

    private static final int IN_CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final Counter appended;

    SealChain(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.appended = Counter.builder("ledger.events.appended").description("Events appended and committed")
                .register(registry);
    }

    /** Takes the head's row lock until the transaction ends. Call before appending events. */
    void lockHead() {
        jdbc.queryForList("SELECT position FROM ledger_seal_head WHERE id = 1 FOR UPDATE", Long.class);
    }

    /** Seals the events just appended by this transaction, in global order. */
    void seal(List<String> eventIdentifiers) {
        Map<String, Object> head = jdbc.queryForMap("SELECT position, hash FROM ledger_seal_head WHERE id = 1");
        long previousPosition = ((Number) head.get("position")).longValue();
        String previousHash = ((String) head.get("hash")).trim();
        List<Object[]> seals = new ArrayList<>(eventIdentifiers.size());
        for (SealedEvent event : appended(eventIdentifiers)) {
            String hash = event.hashAfter(previousHash);
            seals.add(new Object[] {event.position(), event.eventIdentifier(), previousPosition, hash});
            previousPosition = event.position();
            previousHash = hash;
        }
        // One JDBC batch: a file import seals thousands of events in its transaction.
        jdbc.batchUpdate("INSERT INTO ledger_seal (position, event_identifier, previous_position, hash) "
                + "VALUES (?, ?, ?, ?)", seals);
        jdbc.update("UPDATE ledger_seal_head SET position = ?, hash = ? WHERE id = 1", previousPosition, previousHash);
        countWhenCommitted(eventIdentifiers.size());
    }

    private void countWhenCommitted(int events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    appended.increment(events);
                }
            });
        }
    }

    private List<SealedEvent> appended(List<String> eventIdentifiers) {
        List<SealedEvent> events = new ArrayList<>();
        for (int from = 0; from < eventIdentifiers.size(); from += IN_CHUNK) {
            List<String> chunk = eventIdentifiers.subList(from, Math.min(from + IN_CHUNK, eventIdentifiers.size()));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            events.addAll(jdbc.query("SELECT " + SealedEvent.COLUMNS + " FROM domain_event_entry "
                    + "WHERE event_identifier IN (" + marks + ")", (row, n) -> SealedEvent.read(row), chunk.toArray()));
        }
        events.sort(Comparator.comparingLong(SealedEvent::position));
        return events;
    }
}
