package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledgertest.PostgresTestServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A run of upserts sent as multi-row statements leaves the rows that sending them one by one leaves: a key
 * upserted twice in the run keeps its later row (PostgreSQL refuses one statement that updates a row twice),
 * rows that existed are updated, and the rows past the last whole statement are written too.
 */
class ViewWritesIT {

    private static final ViewTable METRIC = new ViewTable("metric_test", List.of("metric_id"), List.of("label", "note"));

    @Test
    void multiRowUpsertsLeaveTheRowsOfSingleOnesOnH2() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:view-writes;DB_CLOSE_DELAY=-1",
                "sa", ""));
        assertSameRowsAsOneByOne(jdbc, ViewTable.Dialect.H2);
    }

    @Test
    void multiRowUpsertsLeaveTheRowsOfSingleOnesOnPostgres() {
        PostgresTestServer server = PostgresTestServer.get();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(server.createDatabase(), server.user(),
                server.password()));
        assertSameRowsAsOneByOne(jdbc, ViewTable.Dialect.POSTGRESQL);
    }

    private static void assertSameRowsAsOneByOne(JdbcTemplate jdbc, ViewTable.Dialect dialect) {
        jdbc.execute("CREATE TABLE metric_test (metric_id VARCHAR(20) PRIMARY KEY, label VARCHAR(40), "
                + "note VARCHAR(40))");
        jdbc.update("INSERT INTO metric_test VALUES ('m7', 'stored before', 'kept?')");
        StatementWrites writes = new StatementWrites(jdbc, dialect);
        int rows = 2 * StatementWrites.ROWS_PER_STATEMENT + 50;
        for (int i = 0; i < rows; i++) {
            writes.upsert(METRIC, "label " + i, i % 2 == 0 ? null : "odd", "m" + i);
            if (i == 100) {
                // A key again within the first statement's rows: its later row must stand.
                writes.upsert(METRIC, "again", null, "m3");
            }
        }
        writes.upsert(METRIC, "again", "twice", "m400");
        writes.upsert(METRIC, "again", null, "m7");
        writes.send();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM metric_test", Integer.class)).isEqualTo(rows);
        assertThat(row(jdbc, "m0")).isEqualTo("label 0 / -");
        assertThat(row(jdbc, "m1")).isEqualTo("label 1 / odd");
        assertThat(row(jdbc, "m3")).isEqualTo("again / -");
        assertThat(row(jdbc, "m7")).isEqualTo("again / -");
        assertThat(row(jdbc, "m400")).isEqualTo("again / twice");
        assertThat(row(jdbc, "m" + (rows - 1))).isEqualTo("label " + (rows - 1) + " / odd");
    }

    /** A row's label and note ("-" for none). */
    private static String row(JdbcTemplate jdbc, String metric) {
        return jdbc.queryForObject("SELECT label || ' / ' || COALESCE(note, '-') FROM metric_test WHERE metric_id = ?",
                String.class, metric);
    }
}
