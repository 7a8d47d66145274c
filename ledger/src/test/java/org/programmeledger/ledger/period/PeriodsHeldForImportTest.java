package org.programmeledger.ledger.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.store.ImportRuns;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The plan period cache outside any transaction or unit of work: what an import under way holds beyond the recently
 * used periods, within its budget of events, until it ends; and no snapshot of a period it holds. (The store's side,
 * a held period checked before use, is ImportHeldPeriodsPostgresIT.)
 */
class PeriodsHeldForImportTest {

    private final ImportRuns importRuns = new ImportRuns();
    private final List<String> snapshotted = new ArrayList<>();

    /** One recently used period, and a budget of one event: a fresh period counts as one. */
    private final CheckedAggregateCache cache = new CheckedAggregateCache(1,
            new StaticListableBeanFactory().getBeanProvider(EventStore.class), importRuns, 1);
    private final List<String> fromMemory = new ArrayList<>();
    /** Takes p3's snapshot from the held instance and leaves every other period to the snapshotter. */
    private final SnapshotsBesideImports snapshots = new SnapshotsBesideImports(
            (type, id) -> snapshotted.add(id), cache, (id, entry) -> id.equals("p3") && fromMemory.add(id));

    private static AggregateCacheEntry<PlanPeriod> period() {
        return new AggregateCacheEntry<>(EventSourcedAggregate.initialize(new PlanPeriod(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(PlanPeriod.class), null,
                NoSnapshotTriggerDefinition.TRIGGER));
    }

    @Test
    void anImportHoldsPeriodsWithinItsBudgetUntilItEnds() {
        try (ImportRuns.Run run = importRuns.start()) {
            cache.put("p1", period());
            cache.put("p2", period());
            cache.put("p3", period());

            assertThat(cache.heldForImport("p1")).isTrue();
            assertThat(cache.heldForImport("p2")).as("beyond the budget").isFalse();
            assertThat(List.of("p1", "p2", "p3")).filteredOn(cache::containsKey).containsExactly("p1", "p3");
        }

        assertThat(cache.heldForImport("p1")).isFalse();
        assertThat(List.of("p1", "p2", "p3")).filteredOn(cache::containsKey).containsExactly("p3");
    }

    /**
     * A held period is put again after every command that changed it. Round 9: periods held while small (one
     * format's files) went on growing with the next formats' files, all 10^6 events held in 512 MiB.
     */
    @Test
    void aHeldPeriodThatGrowsPastTheBudgetIsLetGo() {
        CheckedAggregateCache threeEvents = new CheckedAggregateCache(1,
                new StaticListableBeanFactory().getBeanProvider(EventStore.class), importRuns, 3);
        AggregateCacheEntry<PlanPeriod> growing = period();
        EventSourcedAggregate<PlanPeriod> aggregate = growing.recreateAggregate(null, null, null, null);
        try (ImportRuns.Run run = importRuns.start()) {
            threeEvents.put("p1", growing);
            threeEvents.put("p2", period());
            assertThat(threeEvents.heldForImport("p1")).isTrue();

            aggregate.initSequence(1); // two events: with p2's one, the budget
            threeEvents.put("p1", growing);
            assertThat(threeEvents.heldForImport("p1")).isTrue();

            aggregate.initSequence(2); // three events: past it
            threeEvents.put("p1", growing);
            assertThat(threeEvents.heldForImport("p1")).as("grown past the budget").isFalse();
            assertThat(threeEvents.containsKey("p1")).as("still among the recently used").isTrue();

            threeEvents.put("p3", period());
            threeEvents.put("p4", period());
            assertThat(List.of("p2", "p3", "p4")).as("p1's events no longer counted")
                    .filteredOn(threeEvents::heldForImport).containsExactly("p2", "p3", "p4");
        }
    }

    @Test
    void aPeriodIsHeldUntilTheLastOfTwoImportsEnds() {
        ImportRuns.Run first = importRuns.start();
        try (ImportRuns.Run second = importRuns.start()) {
            cache.put("p1", period());
            first.close();
            assertThat(cache.heldForImport("p1")).isTrue();
        }
        assertThat(cache.heldForImport("p1")).isFalse();
    }

    /** Put off until the import ends, then taken once. */
    @Test
    void noSnapshotIsTakenOfAPeriodWhileAnImportHoldsIt() {
        try (ImportRuns.Run run = importRuns.start()) {
            cache.put("p1", period());
            cache.put("p2", period());
            snapshots.scheduleSnapshot(PlanPeriod.class, "p1");
            snapshots.scheduleSnapshot(PlanPeriod.class, "p2");
            snapshots.scheduleSnapshot(PlanPeriod.class, "p1");
            assertThat(snapshotted).containsExactly("p2");
        }
        assertThat(snapshotted).containsExactly("p2", "p1");

        snapshots.scheduleSnapshot(PlanPeriod.class, "p1");
        assertThat(snapshotted).containsExactly("p2", "p1", "p1");
    }

    /** A held period's put-off snapshot is taken from the instance held when it can be; the others are loaded. */
    @Test
    void aPutOffSnapshotIsTakenFromTheHeldInstanceWhenItCanBe() {
        CheckedAggregateCache twoEvents = new CheckedAggregateCache(1,
                new StaticListableBeanFactory().getBeanProvider(EventStore.class), importRuns, 2);
        SnapshotsBesideImports beside = new SnapshotsBesideImports((type, id) -> snapshotted.add(id), twoEvents,
                (id, entry) -> id.equals("p3") && entry != null && fromMemory.add(id));
        try (ImportRuns.Run run = importRuns.start()) {
            twoEvents.put("p1", period());
            twoEvents.put("p3", period());
            beside.scheduleSnapshot(PlanPeriod.class, "p1");
            beside.scheduleSnapshot(PlanPeriod.class, "p3");
            assertThat(snapshotted).isEmpty();
        }
        assertThat(fromMemory).containsExactly("p3");
        assertThat(snapshotted).containsExactly("p1");
    }
}
