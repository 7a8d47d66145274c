package org.programmeledger.analytics.views;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the read models follow the ledger ({@code ledger.views.*}).
 *
 * @param batchSize events the views' processor handles per transaction. Axon's default is 1, a commit (and
 *                  a token update) per event; a batch shares them, which is what makes a replay from zero
 *                  fast (BENCHMARKS.md, W2). Views always move to the end of a batch together with its token.
 */
@Validated
@ConfigurationProperties("ledger.views")
public record ViewsSettings(@DefaultValue("100") @Min(1) int batchSize) {
}
