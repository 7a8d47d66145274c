package org.programmeledger.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledgertest.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A view changed in bulk is analyzed once before a job reads it, and not again while it stays as it is.
 *
 * <p>The view is a table of this test's own, named as the views are: on the views the other test classes of the
 * shared context fill, a pooled connection may report its changes to PostgreSQL's statistics long after it made
 * them (PostgreSQL 14 reports a backend's counts when its next transaction ends), so a count reported after the
 * analysis made a view stale again and the last assertion failed now and then.
 */
@OnPostgres
@SpringBootTest(classes = AnalyticsTestApplication.class)
class ViewStatisticsPostgresIT {

    private static final String VIEW = "view_statistics_probe";
    private static final String LAST_ANALYZE = "SELECT COALESCE(last_analyze, TIMESTAMPTZ 'epoch') "
            + "FROM pg_stat_user_tables WHERE relname = '" + VIEW + "'";

    @Autowired
    ViewStatistics statistics;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void aViewOfThisTestsOwn() {
        jdbc.execute("CREATE TABLE " + VIEW + " (id VARCHAR(40) PRIMARY KEY, name VARCHAR(200) NOT NULL) "
                + "WITH (autovacuum_enabled = false)");
    }

    @AfterEach
    void dropIt() {
        jdbc.execute("DROP TABLE " + VIEW);
    }

    @Test
    void aViewChangedInBulkIsAnalyzedOnceAndThenLeftAlone() throws Exception {
        // On a connection of its own, closed: a backend reports its counts as it exits, so none of them can reach
        // PostgreSQL's statistics after the analysis (a pooled connection holds them up to its next transaction's
        // end, half a second at least after its last report, and a count reported late made the view stale again).
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (Connection own = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
             Statement insert = own.createStatement()) {
            insert.executeUpdate("INSERT INTO " + VIEW + " (id, name) SELECT 'bulk-' || n, 'Organisation ' || n "
                    + "FROM generate_series(0, 499) n");
        }
        Instant analyzedBefore = lastAnalyze();

        // PostgreSQL counts a backend's changes when it next reports its statistics (within seconds when idle).
        List<String> analyzed = statistics.refreshIfStale();
        for (int wait = 0; wait < 120 && !analyzed.contains(VIEW); wait++) {
            Thread.sleep(500);
            analyzed = statistics.refreshIfStale();
        }

        assertThat(analyzed).contains(VIEW);
        // the analysis is counted as the statistics are reported, with its reset of the table's changes
        for (int wait = 0; wait < 120 && !lastAnalyze().isAfter(analyzedBefore); wait++) {
            Thread.sleep(500);
        }
        assertThat(lastAnalyze()).isAfter(analyzedBefore);
        assertThat(statistics.refreshIfStale()).doesNotContain(VIEW);
    }

    private Instant lastAnalyze() {
        return jdbc.queryForObject(LAST_ANALYZE, Timestamp.class).toInstant();
    }
}
