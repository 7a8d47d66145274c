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
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreSettings(@DefaultValue("100") int batchSize,
                                 @DefaultValue("60000") int gapTimeoutMillis,
                                 @DefaultValue("250") int gapCleaningThreshold) {

    public EventStoreSettings {
        if (batchSize < 1 || gapTimeoutMillis < 1 || gapCleaningThreshold < 1) {
            throw new IllegalArgumentException("ledger.event-store.* settings must be positive");
        }
    }
}
