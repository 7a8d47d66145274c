package org.programmeledger.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledgertest.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A view changed in bulk is analyzed once before a job reads it, and not again while it stays as it is. */
@OnPostgres
@SpringBootTest(classes = AnalyticsTestApplication.class)
class ViewStatisticsPostgresIT {

    private static final String LAST_ANALYZE = "SELECT COALESCE(last_analyze, TIMESTAMPTZ 'epoch') "
            + "FROM pg_stat_user_tables WHERE relname = 'view_organisation'";

    @Autowired
    ViewStatistics statistics;
    @Autowired
    JdbcTemplate jdbc;

    /** The application context, and so its database, is shared with other test classes. */
    @AfterEach
    void removeTheRowsAdded() {
        jdbc.update("DELETE FROM view_organisation WHERE organisation_id LIKE 'bulk-%'");
    }

    @Test
    void aViewChangedInBulkIsAnalyzedOnceAndThenLeftAlone() throws InterruptedException {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(new Object[] {"bulk-" + i, "Organisation " + i});
        }
        jdbc.batchUpdate("INSERT INTO view_organisation (organisation_id, name, side) VALUES (?, ?, 'OTHER')", rows);
        Instant analyzedBefore = lastAnalyze();

        // PostgreSQL counts a backend's changes when it next reports its statistics (within seconds when idle).
        List<String> analyzed = statistics.refreshIfStale();
        for (int wait = 0; wait < 120 && !analyzed.contains("view_organisation"); wait++) {
            Thread.sleep(500);
            analyzed = statistics.refreshIfStale();
        }

        assertThat(analyzed).contains("view_organisation");
        // the analysis is counted as the statistics are reported, with its reset of the table's changes
        for (int wait = 0; wait < 120 && !lastAnalyze().isAfter(analyzedBefore); wait++) {
            Thread.sleep(500);
        }
        assertThat(lastAnalyze()).isAfter(analyzedBefore);
        assertThat(statistics.refreshIfStale()).doesNotContain("view_organisation");
    }

    private Instant lastAnalyze() {
        return jdbc.queryForObject(LAST_ANALYZE, Timestamp.class).toInstant();
    }
}
