package org.programmeledger.ledger.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.programmeledger.ledger.store.StreamedQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the hash chain from the events as they are stored now, in one streaming pass, and reports
 * the first position where stored events and seals disagree: the event (in the columns it is stored
 * with) comes first in this SELECT, in the order {@link SealedEvent#read} expects.
 */
@Component
public class ChainVerifier {

    /** Every event with its seal, in position order: the primary key's order, which needs no sort. */
    private static final String EVENTS_WITH_SEALS = "SELECT e.global_index AS position, "
            + columns("e.") + ", s.event_identifier AS sealed_identifier, s.previous_position, s.hash "
            + "FROM domain_event_entry e LEFT JOIN ledger_seal s ON s.position = e.global_index "
            + "ORDER BY e.global_index";

    /**
     * The first seal whose event is gone. The walk stops at the first break, and such a seal is always one,
     * so the first is all it needs; merging every seal into the events' query (a UNION sorted by position)
     * made H2 hold the whole ledger's rows to sort them.
     */
    private static final String FIRST_SEAL_WITHOUT_EVENT = "SELECT s.position, s.event_identifier, "
            + "s.previous_position FROM ledger_seal s WHERE NOT EXISTS "
            + "(SELECT 1 FROM domain_event_entry e WHERE e.global_index = s.position) "
            + "ORDER BY s.position FETCH FIRST 1 ROW ONLY";


    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    ChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
    }

    public VerifyReport verify() {
        return verify(null);
    }

    /** The head of the chain now. */
    public Digest digest() {
        return digestAt(jdbc.queryForObject("SELECT position FROM ledger_seal_head WHERE id = 1", Long.class));
    }

    /** The chain as it stood at a position: the seal there, as read from the seal table. */
    public Digest digestAt(long position) {
        if (position == 0) {
            return new Digest(0, SealedEvent.GENESIS, "", 0);
        }
        String hash = jdbc.query("SELECT hash FROM ledger_seal WHERE position = ?", (row, n) -> row.getString(1).trim(),
                position).stream().findFirst().orElseThrow(() ->
                new IllegalArgumentException("no event is sealed at ledger position " + position));
        String recordedAt = jdbc.query("SELECT time_stamp FROM domain_event_entry WHERE global_index = ?",
                (row, n) -> row.getString(1), position).stream().findFirst().orElse("");
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_seal WHERE position <= ?", Long.class, position);
        return new Digest(position, hash, recordedAt, events == null ? 0 : events);
    }

    /** Verifies the chain and, when a digest is given, that the chain still passes through it. */
    public VerifyReport verify(Digest digest) {
        // In a transaction, so that PostgreSQL streams the rows with a cursor: the heap stays flat however long
        // the ledger (BENCHMARKS.md, W6).
        return readOnly.execute(status -> walk(digest));
    }

    private VerifyReport walk(Digest digest) {
        Walk walk = new Walk(digest);
        Optional<SealWithoutEvent> sealWithoutEvent = jdbc.query(FIRST_SEAL_WITHOUT_EVENT, (row, n) ->
                new SealWithoutEvent(row.getLong(1), row.getString(2), row.getLong(3))).stream().findFirst();
        StreamedQuery.each(jdbc, EVENTS_WITH_SEALS, row -> {
            long position = row.getLong("position");
            sealWithoutEvent.filter(seal -> seal.position() < position).ifPresent(walk::step);
            walk.step(row);
        });
        sealWithoutEvent.ifPresent(walk::step);
        if (walk.problem == null) {
            Map<String, Object> head = jdbc.queryForMap("SELECT position, hash FROM ledger_seal_head WHERE id = 1");
            if (((Number) head.get("position")).longValue() != walk.previousPosition
                    || !((String) head.get("hash")).trim().equals(walk.previousHash)) {
                walk.breakAt(((Number) head.get("position")).longValue(), "the head of the chain was changed");
            }
        }
        if (walk.problem == null && digest != null && !walk.digestSeen) {
            walk.breakAt(digest.position(), "the digest's position is not in the chain: history was rewritten");
        }
        return new VerifyReport(walk.checked, walk.previousPosition, walk.previousHash, walk.brokenAt, walk.problem);
    }

    private record SealWithoutEvent(long position, String eventIdentifier, long previousPosition) {
    }

    /** The state of one pass along the chain. */
    private static final class Walk {
        private final Digest digest;
        private long previousPosition;
        private String previousHash = SealedEvent.GENESIS;
        private long checked;
        private Long brokenAt;
        private String problem;
        private boolean digestSeen;

        Walk(Digest digest) {
            this.digest = digest;
        }

        void step(ResultSet row) throws SQLException {
            if (problem != null) {
                return;
            }
            long position = row.getLong("position");
            String eventIdentifier = row.getString("event_identifier");
            String sealedIdentifier = row.getString("sealed_identifier");
            if (sealedIdentifier == null) {
                breakAt(position, "the event is not sealed: it was put into the database outside the ledger");
                return;
            }
            if (row.getLong("previous_position") != previousPosition) {
                breakAt(position, "its seal follows position " + row.getLong("previous_position") + ", not "
                        + previousPosition + ": a seal was removed, added or moved");
                return;
            }
            if (eventIdentifier == null) {
                breakAt(position, "the sealed event " + sealedIdentifier + " was deleted");
                return;
            }
            if (!eventIdentifier.equals(sealedIdentifier)) {
                breakAt(position, "the event " + sealedIdentifier + " was replaced by " + eventIdentifier
                        + ", or events were reordered");
                return;
            }
            String hash = SealedEvent.read(row).hashAfter(previousHash);
            if (!hash.equals(row.getString("hash").trim())) {
                breakAt(position, "the event or its seal was changed");
                return;
            }
            if (digest != null && position == digest.position()) {
                digestSeen = true;
                if (!hash.equals(digest.hash())) {
                    breakAt(position, "the ledger no longer passes through the digest: history before it was "
                            + "rewritten");
                    return;
                }
            }
            previousPosition = position;
            previousHash = hash;
            checked++;
        }

        /** A seal whose event is gone breaks the chain, at its position, whichever way it is read. */
        void step(SealWithoutEvent seal) {
            if (problem != null) {
                return;
            }
            if (seal.previousPosition() != previousPosition) {
                breakAt(seal.position(), "its seal follows position " + seal.previousPosition() + ", not "
                        + previousPosition + ": a seal was removed, added or moved");
            } else {
                breakAt(seal.position(), "the sealed event " + seal.eventIdentifier() + " was deleted");
            }
        }

        void breakAt(long position, String what) {
            brokenAt = position;
            problem = what;
        }
    }

    private static String columns(String alias) {
        return alias + "event_identifier, " + alias + "aggregate_identifier, " + alias + "sequence_number, "
                + alias + "type, " + alias + "time_stamp, " + alias + "payload_type, " + alias + "payload_revision, "
                + alias + "payload, " + alias + "meta_data";
    }

}
