package org.programmeledger.ledger.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.store.EventStoreConfiguration;
import org.programmeledger.ledger.store.ImportRuns;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Snapshots of the plan periods an import held, taken from the instances in memory when it ends: the same bytes as a
 * snapshot of the period loaded from its events, and none from an instance the store does not hold.
 */
@SpringBootTest(classes = LedgerTestApplication.class, properties = "ledger.event-store.snapshot-threshold=5")
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class HeldPeriodSnapshotsIT {

    private static final Map<String, String> CSV_IMPORT = Map.of(RecordingMetaData.CHANNEL, "csv-import");

    @Autowired
    LedgerImporter importer;
    @Autowired
    ImportRuns importRuns;
    @Autowired
    @Qualifier("planPeriodCache")
    Cache cache;
    @Autowired
    @Qualifier("planPeriodLocks")
    LockFactory locks;
    @Autowired
    ObjectProvider<EventStore> eventStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactions;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    private List<String> periods() {
        return jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE type = ?",
                String.class, PlanPeriod.class.getSimpleName());
    }

    /** What Axon's snapshotter stores: the period as loaded from all its events. */
    private String fromEvents(String periodId) {
        EventSourcedAggregate<PlanPeriod> period = EventSourcedAggregate.initialize(new PlanPeriod(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(PlanPeriod.class), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        period.initializeState(storageEngine.readEvents(periodId, 0));
        return EventStoreConfiguration.snapshotSerializer().serialize(period.getAggregateRoot(), String.class)
                .getData();
    }

    private Map<String, Object> lastSnapshot(String periodId) {
        return jdbc.queryForMap("SELECT sequence_number, payload FROM snapshot_event_entry WHERE aggregate_identifier"
                + " = ? ORDER BY sequence_number DESC LIMIT 1", periodId);
    }

    private long lastSequenceNumber(String periodId) {
        return jdbc.queryForObject("SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, periodId);
    }

    @Test
    void aHeldPeriodsSnapshotIsThatOfThePeriodLoadedFromItsEvents() throws Exception {
        HeldPeriodSnapshots fromMemory = new HeldPeriodSnapshots(locks, eventStore, transactions);
        try (ImportRuns.Run run = importRuns.start()) {
            importer.importFiles(SeedData.files(), CSV_IMPORT, ImportListener.SILENT);
            List<String> periods = periods();
            assertThat(periods).isNotEmpty();
            for (String periodId : periods) {
                Object held = cache.get(periodId);
                assertThat(held).as(periodId + " held").isNotNull();
                assertThat(fromMemory.take(periodId, held)).as(periodId).isTrue();
                assertThat(lastSnapshot(periodId)).containsEntry("sequence_number", lastSequenceNumber(periodId))
                        .containsEntry("payload", fromEvents(periodId));
            }
        }
    }

    /** A command that changed the held instance and was rolled back: that instance is not the store's period. */
    @Test
    void noSnapshotIsTakenFromAnInstanceChangedByARolledBackCommand() throws Exception {
        HeldPeriodSnapshots fromMemory = new HeldPeriodSnapshots(locks, eventStore, transactions);
        try (ImportRuns.Run run = importRuns.start()) {
            importer.importFiles(SeedData.files(), CSV_IMPORT, ImportListener.SILENT);
            String periodId = periods().get(0);
            Object held = cache.get(periodId);
            long stored = lastSequenceNumber(periodId);
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                commands.sendAndWait(new RegisterItem(periodId, 990, "Rolled back", null, false, List.of("hkipd"),
                        List.of(), "s"));
                status.setRollbackOnly();
            });
            assertThat(lastSequenceNumber(periodId)).isEqualTo(stored);
            assertThat(((AggregateCacheEntry<?>) held).recreateAggregate(null, null, null, null).version())
                    .as("the held instance took the command").isEqualTo(stored + 1);

            assertThat(fromMemory.take(periodId, held)).isFalse();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?"
                    + " AND sequence_number > ?", Long.class, periodId, stored)).isZero();
        }
    }

    /** The snapshot waits for a command that holds the period's lock: the lock is the one its commands take. */
    @Test
    void thePeriodsLockIsTheOneItsCommandsTake() throws Exception {
        importer.importFiles(SeedData.files(), CSV_IMPORT, ImportListener.SILENT);
        String periodId = periods().get(0);
        Lock lock = locks.obtainLock(periodId);
        CompletableFuture<Object> command;
        try {
            command = CompletableFuture.supplyAsync(() -> commands.sendAndWait(new RegisterItem(periodId, 991,
                    "Waits for the lock", null, false, List.of(), List.of(), "s")));
            Thread.sleep(Duration.ofMillis(500).toMillis());
            assertThat(command).as("waiting for the lock held here").isNotDone();
        } finally {
            lock.release();
        }
        command.get(30, TimeUnit.SECONDS);
    }
}
