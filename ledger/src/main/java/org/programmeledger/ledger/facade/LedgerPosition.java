package org.programmeledger.ledger.facade;

import java.util.Optional;
import org.programmeledger.ledger.store.LedgerHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where the ledger stands: its head position and how many events it holds. */
@Component
public class LedgerPosition {

    private final LedgerHead head;

    LedgerPosition(LedgerHead head) {
        this.head = head;
    }

    /** Read from a store opened without the application (a glance at the embedded store). */
    public static LedgerPosition of(JdbcTemplate jdbc) {
        return new LedgerPosition(new LedgerHead(jdbc));
    }

    /** The position of the newest event, 0 for an empty ledger. */
    public long position() {
        return head.position();
    }

    public long eventCount() {
        return head.eventCount();
    }

    /** When the event at {@code position} was recorded, if there is one. */
    public Optional<String> recordedAt(long position) {
        return head.recordedAt(position);
    }
}
