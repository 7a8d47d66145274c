package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.sealing.Sequencer;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledgertest.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sequence hands out global positions when events are inserted, not when they commit, which lets a
 * reader see a higher position before a lower one (Axon's gap problem). Appends take no lock: a second
 * append commits while an earlier one is open; the views take the late one when it commits (Axon's gap
 * tracking), and the sequencer seals it then, as a later leaf. A context of its own: the processor has never been
 * stopped by a replay, so the test is about gaps alone.
 */
@SpringBootTest(classes = AnalyticsTestApplication.class, properties = "ledger.test.context=views-gap")
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
    JdbcTemplate jdbc;
    @Autowired
    LedgerVerifier chain;
    @Autowired
    Sequencer sequencer;
    @Autowired
    EventProcessingConfiguration processing;

    private List<String> programmes() {
        return jdbc.queryForList("SELECT programme_id FROM view_programme ORDER BY programme_id", String.class);
    }

    private long positionOf(String programmeId) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, programmeId);
    }

    @Test
    void anAppendDoesNotWaitForAnOpenOneAndTheLateCommitIsStillViewedAndSealed() throws Exception {
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

        commands.sendAndWait(new EstablishProgramme("second", "Sent while the first was open"));
        sequencer.sealPending();
        assertThat(leafIndexOf("second")).as("sealed while the first is still open").isNotNull();

        commit.countDown();
        openTransaction.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // The views were past the head already; Axon's gap-aware token takes the late event on a later poll.
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (!programmes().contains("first") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        sequencer.sealPending();

        assertThat(positionOf("first")).isLessThan(positionOf("second"));
        assertThat(leafIndexOf("first")).isGreaterThan(leafIndexOf("second"));
        assertThat(programmes()).as(this::processorState).contains("first", "second");
        VerifyReport verified = chain.verify();
        assertThat(verified.intact()).as(verified.toString()).isTrue();
    }

    /** What the views' processor was doing, for a failure's message. */
    private String processorState() {
        TrackingEventProcessor processor = processing
                .eventProcessor(LedgerViews.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        return "processor running=" + processor.isRunning() + " error=" + processor.isError() + " status="
                + processor.processingStatus() + " token_entry=" + jdbc.queryForList(
                        "SELECT segment, owner, timestamp FROM token_entry WHERE processor_name = ?",
                        LedgerViews.PROCESSING_GROUP);
    }

    private Long leafIndexOf(String programmeId) {
        return jdbc.queryForList("SELECT leaf_index FROM ledger_tree_leaf WHERE position = ?", Long.class,
                positionOf(programmeId)).stream().findFirst().orElse(null);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
