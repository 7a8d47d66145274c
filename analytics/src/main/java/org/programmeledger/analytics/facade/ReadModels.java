package org.programmeledger.analytics.facade;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.programmeledger.analytics.metric.RecordedMetrics;
import org.programmeledger.analytics.reads.CatalogueMetric;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.programmeledger.analytics.reads.ReplayReport;
import org.programmeledger.analytics.reads.ViewPosition;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analytics.views.MetricCatalogue;
import org.programmeledger.analytics.views.ViewReplay;
import org.programmeledger.ledger.facade.LedgerPosition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where the views (the read models) stand against the ledger, their replay, and the metric catalogue they hold. */
@Component
public class ReadModels {

    private final LedgerViews views;
    private final ViewReplay replay;
    private final MetricCatalogue catalogue;

    ReadModels(LedgerViews views, ViewReplay replay, MetricCatalogue catalogue) {
        this.views = views;
        this.replay = replay;
        this.catalogue = catalogue;
    }

    /** The views' position in a store opened without the application (a glance at the embedded store). */
    public static ViewPosition positionIn(JdbcTemplate jdbc) {
        return new LedgerViews(jdbc, LedgerPosition.of(jdbc)).position();
    }

    /** The metrics of the views behind {@code jdbc}, for a caller without the application (the command line). */
    public static KnownMetrics metricsIn(JdbcTemplate jdbc) {
        return RecordedMetrics.in(jdbc);
    }

    /**
     * Each view's name and a query reading all its rows in key order, views in a fixed order: what two states of the
     * views are compared by (the replay's comparison reads the same).
     */
    public static Map<String, String> everyViewRowInOrder() {
        return ViewReplay.everyRowInOrder();
    }

    public ViewPosition position() {
        return views.position();
    }

    /** Waits until the views include every event recorded so far, and returns their position. */
    public ViewPosition awaitHead(Duration timeout) throws TimeoutException, InterruptedException {
        return views.awaitHead(timeout);
    }

    /** Replays the views from zero and compares them with the ones before; see {@link ViewReplay}. */
    public ReplayReport replay(Duration timeout, BiConsumer<Long, Long> catchingUp,
                               BiConsumer<Long, Long> rebuilding) throws TimeoutException, InterruptedException {
        return replay.replay(timeout, catchingUp, rebuilding);
    }

    /** Rebuilds the views from zero without comparing them with the ones before; the position reached. */
    public long rebuild(Duration timeout, BiConsumer<Long, Long> progress)
            throws TimeoutException, InterruptedException {
        return replay.rebuild(timeout, progress);
    }

    /** Every metric of the catalogue, by id. */
    public List<CatalogueMetric> metrics() {
        return catalogue.metrics();
    }
}
