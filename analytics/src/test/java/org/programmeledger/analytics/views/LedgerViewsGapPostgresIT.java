package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledgertest.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The global index is taken when an event is inserted, not when its transaction commits, so a reader can
 * see a higher index before a lower one. The views must wait for the lower one (gap detection) instead
 * of moving past it for good.
 */
@SpringBootTest(classes = AnalyticsTestApplication.class)
@OnPostgres
class LedgerViewsGapPostgresIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LedgerViews views;
    @Autowired
    JdbcTemplate jdbc;

    private List<String> programmes() {
        return jdbc.queryForList("SELECT programme_id FROM view_programme ORDER BY programme_id", String.class);
    }

    private long positionOf(String programmeId) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, programmeId);
    }

    @Test
    void anEventWhoseTransactionCommitsAfterALaterOneStillReachesTheViews() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slowTransaction = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    storageEngine.appendEvents(new GenericDomainEventMessage<>("Programme", "late", 0,
                            new ProgrammeEstablished("late", "Committed last")));
                    appended.countDown();
                    awaitQuietly(commit);
                }));
        assertThat(appended.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        commands.sendAndWait(new EstablishProgramme("early", "Committed first"));
        ViewPosition passed = views.awaitHead(WAIT);
        assertThat(programmes()).containsExactly("early");

        commit.countDown();
        slowTransaction.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(positionOf("late")).isLessThan(positionOf("early")).isLessThan(passed.position() + 1);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (programmes().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(programmes()).containsExactly("early", "late");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
