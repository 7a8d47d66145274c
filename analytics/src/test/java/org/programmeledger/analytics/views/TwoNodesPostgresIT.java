package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledgertest.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL database: both take commands, one projects the views, and
 * when it stops the other takes over from where it left, so every event reaches the views once.
 */
class TwoNodesPostgresIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestNodes nodes = new TestNodes(AnalyticsTestApplication.class, Handled.class);

    /** The events one node's ledger-views processor handled, in the order it handled them. */
    @ProcessingGroup(LedgerViews.PROCESSING_GROUP)
    static class Handled {

        final List<String> eventIds = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Object event, @MessageIdentifier String eventId) {
            eventIds.add(eventId);
        }
    }

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    private static void establish(ConfigurableApplicationContext node, int n) {
        node.getBean(CommandGateway.class).sendAndWait(new EstablishProgramme("p" + n, "Programme " + n));
    }

    /** The node that holds the claim; a segment whose token row is written but not yet claimed has no owner. */
    private static String claimant(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name = ?", String.class,
                LedgerViews.PROCESSING_GROUP).stream().filter(Objects::nonNull).findFirst().orElse("nobody");
    }

    private static void awaitClaimant(JdbcTemplate jdbc, String node) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!claimant(jdbc).equals(node) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(claimant(jdbc)).isEqualTo(node);
    }

    @Test
    void everyEventReachesTheViewsOnceWhenTheProjectingNodeStopsPartWay() throws Exception {
        ConfigurableApplicationContext first = nodes.start("node-a");
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        awaitClaimant(jdbc, "node-a");
        ConfigurableApplicationContext second = nodes.start("node-b");

        for (int n = 0; n < 20; n++) {
            establish(n % 2 == 0 ? first : second, n);
        }
        CompletableFuture<Void> moreToTheSecond = CompletableFuture.runAsync(() -> {
            for (int n = 20; n < 40; n++) {
                establish(second, n);
            }
        });
        while (jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class) < 30) {
            Thread.sleep(10);
        }
        List<String> handledByFirst = first.getBean(Handled.class).eventIds;
        first.close();
        moreToTheSecond.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // Recorded after the first node stopped, so only the second can project them, however fast the first was.
        for (int n = 40; n < 60; n++) {
            establish(second, n);
        }
        second.getBean(LedgerViews.class).awaitHead(WAIT);

        JdbcTemplate jdbcOfSecond = second.getBean(JdbcTemplate.class);
        List<String> recorded = jdbcOfSecond.queryForList(
                "SELECT event_identifier FROM domain_event_entry ORDER BY global_index", String.class);
        List<String> handledBySecond = second.getBean(Handled.class).eventIds;
        List<String> handled = new ArrayList<>(handledByFirst);
        handled.addAll(handledBySecond);
        assertThat(recorded).hasSize(60);
        assertThat(handled).containsExactlyElementsOf(recorded);
        assertThat(handledByFirst).isNotEmpty();
        assertThat(handledBySecond).isNotEmpty();
        assertThat(jdbcOfSecond.queryForObject("SELECT COUNT(*) FROM view_programme", Long.class)).isEqualTo(60);
        awaitClaimant(jdbcOfSecond, "node-b");
    }
}
