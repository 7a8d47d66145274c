package org.programmeledger.analytics.views;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the read models follow the ledger ({@code ledger.views.*}).
 *
 * @param batchSize       events the views' processor handles per transaction. Axon's default is 1, a commit (and
 *                        a token update) per event; a batch shares them. Views always move to the end of a batch
 *                        together with its token.
 * @param replayBatchSize events a replay reads, handles and commits at a time (BENCHMARKS.md, W2): its view writes
 *                        go out as JDBC batches, and a killed replay loses at most one batch
 * @param replayPause     a pause after each batch of a replay, to leave the database to other work during a long
 *                        replay on a shared server
 */
@Validated
@ConfigurationProperties("ledger.views")
public record ViewsSettings(@DefaultValue("100") @Min(1) int batchSize,
                            @DefaultValue("5000") @Min(1) int replayBatchSize,
                            @DefaultValue("0ms") Duration replayPause) {
}
