package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.programmeledger.analytics.reads.ReplayReport;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.facade.LedgerEventReads;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.StoreDatabase;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A rebuild from zero commits the token at the start with its mark, then empties the views a table at a time (H2's
 * TRUNCATE commits each), then fills them. Stopped between those steps, it leaves the token at the start and the
 * mark beside views that are full, partly emptied or empty; the live processor and the next replay, going on from
 * there, empty them first and end with the views of the events. The states are made as a stop leaves them, with a
 * row no event made in a view not yet emptied, which only the emptying removes. Small live batches: only the first
 * may empty. A replay whose page fails half-way stops before that page, and the next one finishes the views.
 */
@SpringBootTest(classes = AnalyticsTestApplication.class)
@TestPropertySource(properties = {"ledger.views.batch-size=7", "ledger.views.replay-batch-size=7"})
class ViewRebuildStoppedIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** Where a rebuild stopped: after committing the token at the start, and how far it had emptied the views. */
    enum Stop {
        MARKED(0), PARTLY_EMPTIED(4), EMPTIED(LedgerViewsProjection.TABLES.size());

        private final int tablesEmptied;

        Stop(int tablesEmptied) {
            this.tablesEmptied = tablesEmptied;
        }
    }

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    ViewReplay replay;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokens;
    @Autowired
    LedgerEventReads events;
    @Autowired
    TransactionManager transactions;
    @Autowired
    LedgerViewsProjection projection;

    private TrackingEventProcessor processor;
    private List<String> expected;

    @BeforeEach
    void viewsOfTheSeed() throws Exception {
        processor = processing.eventProcessor(LedgerViews.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        jdbc.update("DELETE FROM view_metric WHERE metric_id = 'stray'");
        if (!processor.isRunning()) {
            processor.start();
        }
        importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
        views.awaitHead(TIMEOUT);
        expected = rows();
        assertThat(expected).hasSizeGreaterThan(100);
    }

    @ParameterizedTest
    @EnumSource(Stop.class)
    void theLiveProcessorEmptiesTheViewsBeforeGoingOnFromTheStart(Stop stop) throws Exception {
        stoppedAt(stop);

        processor.start();

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!rows().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(rows()).isEqualTo(expected);
        assertThat(marked()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Stop.class)
    void theNextReplayEmptiesTheViewsBeforeCatchingUp(Stop stop) throws Exception {
        stoppedAt(stop);

        ReplayReport report = replay.replay(TIMEOUT, (reached, head) -> { });

        assertThat(report.identical()).as(report.differences().toString()).isTrue();
        assertThat(rows()).isEqualTo(expected);
        assertThat(marked()).isFalse();
    }

    /**
     * A view refuses one activity's row when the rebuild inserts it again (a constraint that leaves the rows already
     * there alone): the replay fails on the page of seven events holding it, whose rows and token roll back whole,
     * so the views stand before that event. Once the row is accepted, the next replay finishes them.
     */
    @Test
    void aReplayWhosePageFailsStopsBeforeThatPageAndTheNextOneFinishesTheViews() throws Exception {
        String refused = "13.1";
        long refusedAt = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE payload_type LIKE "
                + "'%ActivityRecorded' AND payload LIKE ?", Long.class, "%\"activityId\":\"" + refused + "\"%");
        boolean postgres = StoreDatabase.of(jdbc) == StoreDatabase.POSTGRESQL;
        jdbc.execute("ALTER TABLE view_activity ADD CONSTRAINT replay_refuses_one CHECK (activity_id <> '" + refused
                + "')" + (postgres ? " NOT VALID" : " NOCHECK"));
        try {
            assertThatThrownBy(() -> replay.replay(TIMEOUT, (reached, head) -> { }))
                    .hasStackTraceContaining("the views could not handle the events up to position");

            assertThat(views.position().position()).isLessThan(refusedAt);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM view_activity WHERE activity_id = ?", Integer.class,
                    refused)).isZero();
            assertThat(rows()).hasSizeLessThan(expected.size());
        } finally {
            jdbc.execute("ALTER TABLE view_activity DROP CONSTRAINT replay_refuses_one");
        }

        ReplayReport again = replay.replay(TIMEOUT, (reached, head) -> { });

        assertThat(again.identical()).as(again.differences().toString()).isTrue();
        assertThat(rows()).isEqualTo(expected);
        assertThat(marked()).isFalse();
    }

    /** The views and token as a rebuild stopped at {@code stop} leaves them, the processor stopped. */
    private void stoppedAt(Stop stop) throws InterruptedException {
        // Its worker, waiting for new events, sees the stop when woken (as ViewReplay stops it).
        CompletableFuture<Void> stopped = processor.shutdownAsync();
        while (!stopped.isDone()) {
            events.wakeWaitingProcessors();
            Thread.sleep(10);
        }
        stopped.join();
        transactions.executeInTransaction(() -> {
            tokens.storeToken(null, LedgerViews.PROCESSING_GROUP, 0);
            projection.markRebuild();
            tokens.releaseClaim(LedgerViews.PROCESSING_GROUP, 0);
        });
        jdbc.update("INSERT INTO view_metric (metric_id, label, units, aggregation, chartable) VALUES"
                + " ('stray', 'a row no event made', 'none', 'sum', FALSE)");
        LedgerViewsProjection.TABLES.subList(0, stop.tablesEmptied)
                .forEach(table -> jdbc.update("DELETE FROM " + table.name()));
        assertThat(tokenAtTheStart()).isTrue();
        assertThat(marked()).isTrue();
        assertThat(rows().contains(expected.get(0))).isEqualTo(stop.tablesEmptied == 0);
    }

    /** Through the token store: the processor must be stopped (this takes its claim and releases it). */
    private boolean tokenAtTheStart() {
        return transactions.fetchInTransaction(() -> {
            boolean atTheStart = tokens.fetchToken(LedgerViews.PROCESSING_GROUP, 0) == null;
            tokens.releaseClaim(LedgerViews.PROCESSING_GROUP, 0);
            return atTheStart;
        });
    }

    private boolean marked() {
        return projection.rebuildPending();
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        replay.eachRow(rows::add);
        return rows;
    }
}
