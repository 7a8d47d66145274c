package org.programmeledger.analytics.views;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.programmeledger.analytics.reads.ViewPosition;
import org.programmeledger.ledger.facade.LedgerPosition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The read models the jobs build from, and how far they have caught up with the ledger. */
@Component
@EnableConfigurationProperties(ViewsSettings.class)
public class LedgerViews {

    public static final String PROCESSING_GROUP = "ledger-views";
    private static final Duration POLL = Duration.ofMillis(50);

    private final JdbcTemplate jdbc;
    private final LedgerPosition head;

    public LedgerViews(JdbcTemplate jdbc, LedgerPosition head) {
        this.jdbc = jdbc;
        this.head = head;
    }

    /**
     * One tracking processor with one segment, so the views see events in the ledger's global order and
     * their position is one number. With several nodes, the node holding the segment's claim in
     * token_entry projects and the others take over when it stops (see the README, "Several nodes").
     */
    @Autowired
    void registerProcessor(EventProcessingConfigurer processing, ViewsSettings settings) {
        processing.registerTrackingEventProcessor(PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(settings.batchSize()));
    }

    public ViewPosition position() {
        return jdbc.query("SELECT position, recorded_at FROM view_position WHERE view_name = ?",
                        (row, n) -> new ViewPosition(row.getLong(1), row.getString(2)), PROCESSING_GROUP)
                .stream().findFirst().orElse(ViewPosition.EMPTY);
    }

    /** Waits until the views include every event recorded so far, and returns their position. */
    public ViewPosition awaitHead(Duration timeout) throws TimeoutException, InterruptedException {
        long target = head.position();
        long deadline = System.nanoTime() + timeout.toNanos();
        ViewPosition current = position();
        while (current.position() < target) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the views reached ledger position " + current.position()
                        + " of " + target + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
            current = position();
        }
        return current;
    }
}
