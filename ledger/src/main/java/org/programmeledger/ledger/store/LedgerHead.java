package org.programmeledger.ledger.store;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The newest position of the event store: what every output says it was built from. */
@Component
public class LedgerHead {

    private final JdbcTemplate jdbc;

    public LedgerHead(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The global index of the newest event, or 0 when the ledger is empty. */
    public long position() {
        Long position = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return position == null ? 0 : position;
    }

    /** How many events the ledger holds. */
    public long eventCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** When the event at a position was recorded, as Axon stored it (ISO-8601, UTC). */
    public Optional<String> recordedAt(long position) {
        return jdbc.query("SELECT time_stamp FROM domain_event_entry WHERE global_index = ?",
                (row, n) -> row.getString(1), position).stream().findFirst();
    }
}
