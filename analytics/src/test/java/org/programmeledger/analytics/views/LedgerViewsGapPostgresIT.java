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
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledgertest.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sequence hands out global positions when events are inserted, not when they commit, which lets a
 * reader see a higher position before a lower one (Axon's gap problem). Here every append first locks
 * the head of the seal chain, so a second append waits for an open one: positions commit in order,
 * on every node, and the views never have to skip or wait for a gap.
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
    @Autowired
    LedgerVerifier chain;

    private List<String> programmes() {
        return jdbc.queryForList("SELECT programme_id FROM view_programme ORDER BY programme_id", String.class);
    }

    private long positionOf(String programmeId) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, programmeId);
    }

    @Test
    void anAppendWaitsForTheOpenOneSoPositionsCommitInOrder() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> openTransaction = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    storageEngine.appendEvents(new GenericDomainEventMessage<>("Programme", "first", 0,
                            new ProgrammeEstablished("first", "Appended first, committed after a pause")));
                    appended.countDown();
                    awaitQuietly(commit);
                }));
        assertThat(appended.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Object> second = CompletableFuture.supplyAsync(() ->
                commands.sendAndWait(new EstablishProgramme("second", "Sent while the first was open")));
        Thread.sleep(1_000);
        assertThat(second).as("the second append waits for the open transaction").isNotDone();

        commit.countDown();
        openTransaction.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        views.awaitHead(WAIT);

        assertThat(positionOf("first")).isLessThan(positionOf("second"));
        assertThat(programmes()).contains("first", "second");
        assertThat(chain.verify().intact()).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
