package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.service.StoreDatabase;
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
        assertSameRowsAsOneByOne(jdbc, StoreDatabase.H2);
    }

    @Test
    void multiRowUpsertsLeaveTheRowsOfSingleOnesOnPostgres() {
        PostgresTestServer server = PostgresTestServer.get();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(server.createDatabase(), server.user(),
                server.password()));
        assertSameRowsAsOneByOne(jdbc, StoreDatabase.POSTGRESQL);
    }

    private static void assertSameRowsAsOneByOne(JdbcTemplate jdbc, StoreDatabase dialect) {
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

    @Test
    void aRunOfCorrectionsLeavesTheRowsOfCorrectionsOneByOneOnH2() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:view-corrections;DB_CLOSE_DELAY=-1", "sa", ""));
        assertCorrectionsOneByOne(jdbc, StoreDatabase.H2);
    }

    @Test
    void aRunOfCorrectionsLeavesTheRowsOfCorrectionsOneByOneOnPostgres() {
        PostgresTestServer server = PostgresTestServer.get();
        assertCorrectionsOneByOne(new JdbcTemplate(new DriverManagerDataSource(server.createDatabase(), server.user(),
                server.password())), StoreDatabase.POSTGRESQL);
    }

    /**
     * Corrections sent as a run (the figures' updates, then the first values') leave what one by one leaves: a
     * figure with another value adopted keeps it, its first value is corrected all the same, and a figure
     * corrected twice keeps the later correction.
     */
    private static void assertCorrectionsOneByOne(JdbcTemplate jdbc, StoreDatabase dialect) {
        jdbc.execute("CREATE TABLE view_figure (period_id VARCHAR(20), figure_id VARCHAR(20), figure_value "
                + "DECIMAL(30, 6), value_high DECIMAL(30, 6), qualifier VARCHAR(32), corrected BOOLEAN, "
                + "PRIMARY KEY (period_id, figure_id))");
        jdbc.execute("CREATE TABLE view_figure_value (period_id VARCHAR(20), figure_id VARCHAR(20), value_number INT, "
                + "figure_value DECIMAL(30, 6), value_high DECIMAL(30, 6), qualifier VARCHAR(32), adopted BOOLEAN, "
                + "PRIMARY KEY (period_id, figure_id, value_number))");
        jdbc.update("INSERT INTO view_figure VALUES ('p', 'disputed', 20, NULL, 'EXACTLY', FALSE), "
                + "('p', 'plain', 5, NULL, 'EXACTLY', FALSE)");
        jdbc.update("INSERT INTO view_figure_value VALUES ('p', 'disputed', 0, 10, NULL, 'EXACTLY', FALSE), "
                + "('p', 'disputed', 1, 20, NULL, 'EXACTLY', TRUE)");
        StatementWrites writes = new StatementWrites(jdbc, dialect);
        writes.correctFigure("p", "plain", new BigDecimal("6"), null, "ABOUT");
        writes.correctFigure("p", "disputed", new BigDecimal("11"), null, "ABOUT");
        writes.correctFigure("p", "plain", new BigDecimal("7"), new BigDecimal("8"), "BETWEEN");
        writes.send();

        assertThat(jdbc.queryForList("SELECT figure_id || ' ' || CAST(figure_value AS INT) || ' ' || qualifier || ' ' "
                + "|| CASE WHEN corrected THEN 'corrected' ELSE 'as recorded' END FROM view_figure ORDER BY figure_id",
                String.class)).containsExactly("disputed 20 EXACTLY as recorded", "plain 7 BETWEEN corrected");
        assertThat(jdbc.queryForList("SELECT value_number || ' ' || CAST(figure_value AS INT) || ' ' || qualifier "
                + "FROM view_figure_value ORDER BY value_number", String.class))
                .containsExactly("0 11 ABOUT", "1 20 EXACTLY");
    }

    /** A row's label and note ("-" for none). */
    private static String row(JdbcTemplate jdbc, String metric) {
        return jdbc.queryForObject("SELECT label || ' / ' || COALESCE(note, '-') FROM metric_test WHERE metric_id = ?",
                String.class, metric);
    }
}
