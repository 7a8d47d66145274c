package org.programmeledger.ledger.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;

class GrowingSnapshotTriggerDefinitionTest {

    private final List<Long> snapshotsAfter = new ArrayList<>();
    private long sequence;
    private final Snapshotter recording = (type, id) -> snapshotsAfter.add(sequence);

    private void handle(SnapshotTrigger trigger, long from, long to) {
        for (sequence = from; sequence <= to; sequence++) {
            trigger.eventHandled(new GenericDomainEventMessage<>("PlanPeriod", "p", sequence, "event " + sequence));
        }
    }

    @Test
    void aSmallPeriodIsSnapshottedEveryThresholdEvents() {
        handle(new GrowingSnapshotTriggerDefinition(recording, 100).prepareTrigger(PlanPeriod.class), 0, 399);

        assertThat(snapshotsAfter).containsExactly(99L, 199L, 299L, 399L);
    }

    @Test
    void aGrowingPeriodIsSnapshottedMoreRarelyAndNeverLeavesMoreThanAQuarterBeyondItsSnapshot() {
        handle(new GrowingSnapshotTriggerDefinition(recording, 100).prepareTrigger(PlanPeriod.class), 0, 9_999);

        // a fixed count of 100 would have taken 100 snapshots, together holding some 500 000 events
        assertThat(snapshotsAfter).hasSizeBetween(10, 20);
        long held = snapshotsAfter.stream().mapToLong(after -> after + 1).sum();
        assertThat(held).isLessThan(5 * 10_000);
        long previous = -1;
        for (long after : snapshotsAfter) {
            assertThat(after - previous).as("events between snapshots ending at %d", after)
                    .isLessThanOrEqualTo(Math.max(100, (after + 1) / GrowingSnapshotTriggerDefinition.GROWTH));
            previous = after;
        }
        assertThat(9_999 - previous).isLessThanOrEqualTo(10_000 / GrowingSnapshotTriggerDefinition.GROWTH);
    }

    @Test
    void aPeriodLoadedFromALargeSnapshotCountsFromItsSize() {
        // loaded from a snapshot of 5 000 events (0 to 4 999): snapshotted again when 1 666 of its 6 666 came after
        handle(new GrowingSnapshotTriggerDefinition(recording, 100).prepareTrigger(PlanPeriod.class), 5_000, 7_000);

        assertThat(snapshotsAfter).containsExactly(6_665L);
    }

    @Test
    void aPeriodKeptInMemoryKeepsItsCountWhenItsTriggerIsReconfigured() {
        GrowingSnapshotTriggerDefinition definition = new GrowingSnapshotTriggerDefinition(recording, 100);
        SnapshotTrigger trigger = definition.prepareTrigger(PlanPeriod.class);
        handle(trigger, 0, 59);

        SnapshotTrigger again = definition.reconfigure(PlanPeriod.class, trigger);
        handle(again, 60, 120);

        assertThat(again).isSameAs(trigger);
        assertThat(snapshotsAfter).containsExactly(99L);
    }

    @Test
    void theLargestThresholdNeverSnapshots() {
        handle(new GrowingSnapshotTriggerDefinition(recording, Integer.MAX_VALUE).prepareTrigger(PlanPeriod.class),
                0, 100_000);

        assertThat(snapshotsAfter).isEmpty();
    }
}
