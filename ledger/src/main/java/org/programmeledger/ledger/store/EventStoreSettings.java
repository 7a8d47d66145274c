package org.programmeledger.ledger.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event store ({@code ledger.event-store.*}).
 *
 * @param batchSize            events read per query by event processors
 * @param gapTimeoutMillis     how long a gap in the global sequence is waited for, since a transaction that
 *                             took a lower number may still commit
 * @param gapCleaningThreshold how many gaps a tracking token may carry before timed-out ones are cleaned
 * @param snapshotThreshold    events after which a plan period is snapshotted, so loading it stays fast (a quarter of
 *                             its events when that is more: GrowingSnapshotTriggerDefinition)
 * @param cachedPlanPeriods    plan periods kept in memory between commands, the most recently used; 0 loads
 *                             every plan period from the store for every command (or file) that touches it
 * @param importHeldEvents     during an import of many files, the plan periods its files loaded stay in memory from
 *                             file to file while the events they hold number at most this (0: none beyond
 *                             {@code cachedPlanPeriods}, and none when that is 0); let go when the import ends. At
 *                             some 200 bytes of heap per event held (650 before round 10 kept whole events), 50 000
 *                             is some 10 MiB (BENCHMARKS.md rounds 9 and 10)
 * @param fetchSpacingMillis   how long a processor woken by a commit waits before it reads the new events: under a
 *                             stream of commits each read, and each transaction of the views' processor, takes the
 *                             events of many commits
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreSettings(@DefaultValue("100") int batchSize,
                                 @DefaultValue("60000") int gapTimeoutMillis,
                                 @DefaultValue("250") int gapCleaningThreshold,
                                 @DefaultValue("100") int snapshotThreshold,
                                 @DefaultValue("64") int cachedPlanPeriods,
                                 @DefaultValue("25") int fetchSpacingMillis,
                                 @DefaultValue("50000") long importHeldEvents) {

    public EventStoreSettings {
        if (batchSize < 1 || gapTimeoutMillis < 1 || gapCleaningThreshold < 1 || snapshotThreshold < 1) {
            throw new IllegalArgumentException("ledger.event-store.* settings must be positive");
        }
        if (cachedPlanPeriods < 0) {
            throw new IllegalArgumentException("ledger.event-store.cached-plan-periods must be 0 or more");
        }
        if (importHeldEvents < 0) {
            throw new IllegalArgumentException("ledger.event-store.import-held-events must be 0 or more");
        }
        if (fetchSpacingMillis < 0) {
            throw new IllegalArgumentException("ledger.event-store.fetch-spacing-millis must be 0 or more");
        }
    }
}
