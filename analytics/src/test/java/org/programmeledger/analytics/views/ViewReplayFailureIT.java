package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.reads.ReplayReport;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A replay whose page fails half-way (a view refuses one of its rows) stops there with the page's rows and token
 * rolled back, the views standing before that page; the next replay, once the row is accepted, finishes them with
 * the same rows as before.
 */
@SpringBootTest(classes = AnalyticsTestApplication.class)
@TestPropertySource(properties = "ledger.views.replay-batch-size=7")
@DirtiesContext
class ViewReplayFailureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String REFUSED = "13.1";

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    ViewReplay replay;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerViewsProjection projection;

    @Test
    void aReplayWhosePageFailsStopsThereAndTheNextOneFinishesTheViews() throws Exception {
        importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
        views.awaitHead(TIMEOUT);
        List<String> before = rows();
        assertThat(activities(REFUSED)).isOne();
        long refusedAt = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE payload_type LIKE "
                + "'%ActivityRecorded' AND payload LIKE ?", Long.class, "%\"activityId\":\"" + REFUSED + "\"%");
        // H2 checks new rows only (NOCHECK): the activity's row is refused when the rebuild inserts it again.
        jdbc.execute("ALTER TABLE view_activity ADD CONSTRAINT replay_refuses_one CHECK (activity_id <> '"
                + REFUSED + "') NOCHECK");
        try {
            assertThatThrownBy(() -> replay.replay(TIMEOUT, (reached, head) -> { }))
                    .hasStackTraceContaining("the views could not handle the events up to position");

            // The page holding the refused row rolled back whole, its token with it: the views stand before it.
            assertThat(views.position().position()).isLessThan(refusedAt);
            assertThat(activities(REFUSED)).isZero();
            assertThat(rows()).hasSizeLessThan(before.size());
        } finally {
            jdbc.execute("ALTER TABLE view_activity DROP CONSTRAINT replay_refuses_one");
        }

        ReplayReport again = replay.replay(TIMEOUT, (reached, head) -> { });

        assertThat(again.identical()).as(again.differences().toString()).isTrue();
        assertThat(rows()).isEqualTo(before);
        assertThat(projection.rebuildPending()).isFalse();
    }

    private int activities(String activityId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM view_activity WHERE activity_id = ?", Integer.class,
                activityId);
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        replay.eachRow(rows::add);
        return rows;
    }
}
