package org.programmeledger.ledger.store;

import javax.sql.DataSource;
import org.programmeledger.ledger.service.StoreDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts what the store committed on its disk before a caller answers. H2 writes commits up to half a second later
 * (its WRITE_DELAY), and a write that failed then, on a full disk, lost commits an import had already reported as
 * recorded: the command said so and exited 0 with none of them in the file. PostgreSQL writes each commit before it
 * answers (fsync on), so there this does nothing.
 */
@Component
public class StoreSync {

    private final JdbcTemplate jdbc;
    private volatile Boolean h2;

    StoreSync(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Writes and forces to disk what the store committed; fails as the store's write fails. */
    public void toDisk() {
        if (h2 == null) {
            h2 = StoreDatabase.of(jdbc) == StoreDatabase.H2;
        }
        if (h2) {
            jdbc.execute("CHECKPOINT SYNC");
        }
    }
}
