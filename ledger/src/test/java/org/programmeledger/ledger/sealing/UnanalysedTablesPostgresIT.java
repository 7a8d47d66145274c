package org.programmeledger.ledger.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledgertest.PostgresTestServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statements of every append and every sealing pass, planned by PostgreSQL on tables it has no statistics for:
 * the state after a bulk import or a restore until autovacuum analyses them. Neither may read a table whole, or
 * each command and each pass costs time in proportion to the whole ledger.
 */
class UnanalysedTablesPostgresIT {

    private static final int EVENTS = 20_000;
    private static SingleConnectionDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void aLedgerOfManyEventsNeverAnalysed() {
        PostgresTestServer server = PostgresTestServer.get();
        dataSource = new SingleConnectionDataSource(server.createDatabase(), server.user(), server.password(), true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/postgresql").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (String table : List.of("domain_event_entry", "ledger_event_authenticator", "ledger_tree_leaf")) {
            jdbc.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
        }
        jdbc.update("INSERT INTO domain_event_entry (" + SealedEvent.COLUMNS + ") SELECT g, 'event-' || g, "
                + "'period-' || (g % 50), g / 50, 'PlanPeriod', '2026-12-01T00:00:00Z', 'FigureRecorded', '1', "
                + "repeat('p', 400), repeat('m', 100) FROM generate_series(1, ?) g", EVENTS);
        jdbc.update("INSERT INTO ledger_event_authenticator (position, event_identifier, key_id, mac) "
                + "SELECT g, 'event-' || g, 'key', repeat('a', 64) FROM generate_series(1, ?) g", EVENTS);
        jdbc.update("INSERT INTO ledger_tree_leaf (leaf_index, position, leaf_hash) "
                + "SELECT g - 1, g, repeat('h', 64) FROM generate_series(1, ?) g", EVENTS - 10);
        assertThat(jdbc.queryForList("SELECT reltuples FROM pg_class WHERE relname IN ('domain_event_entry', "
                + "'ledger_tree_leaf')", Double.class)).as("never analysed").containsOnly(-1.0);
    }

    /** An open connection would keep an external server from dropping the test's database at the end. */
    @AfterAll
    static void closeTheConnection() {
        dataSource.destroy();
    }

    @Test
    void anAppendLooksOnlyAtTheEndOfTheEventTable() {
        List<String> plan = jdbc.queryForList("EXPLAIN " + SealingEventStorageEngine.INSERT_AT
                        + SealingEventStorageEngine.AND_AUTHENTICATE, String.class,
                EVENTS + 1L, "event-new", "period-new", 0L, "PlanPeriod", "2026-12-01T00:00:00Z", "FigureRecorded",
                "1", "{}", "{}", (long) EVENTS, "event-new", "key", "mac");

        assertThat(String.join("\n", plan)).doesNotContain("Seq Scan").contains("Backward using domain_event_entry_pkey");
    }

    @Test
    void aSealingPassLooksUpTheRowsAboveItsLowWaterMarkByKey() {
        String plan = transaction.execute(status -> {
            jdbc.execute(Sequencer.BY_INDEX_ONLY);
            return String.join("\n", jdbc.queryForList("EXPLAIN " + Sequencer.UNSEALED, String.class,
                    EVENTS - 100L, 5000));
        });

        assertThat(plan).doesNotContain("Seq Scan").doesNotContain("Hash").doesNotContain("Parallel")
                .contains("Index Only Scan using uk_ledger_tree_leaf_position on ledger_tree_leaf");
    }
}
