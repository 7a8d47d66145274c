package org.programmeledger.dashboards.outputs;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code serve} keeps the outputs a user meets current ({@code ledger.outputs.refresh.*}): every plan period's
 * summary, charts and report and every chartable metric's trend chart.
 *
 * @param enabled whether the server rebuilds them by itself (application-serve.yml turns it on; the other commands
 *                build only what they are asked to)
 * @param settle  how long the ledger must stay at a new position before the outputs are rebuilt, so that an
 *                import of many records is built once, at its end
 * @param nightly a cron expression (second minute hour day month weekday) for a rebuild each night, or "-" for none
 */
@Validated
@ConfigurationProperties("ledger.outputs.refresh")
public record RefreshSettings(@DefaultValue("false") boolean enabled, @DefaultValue("30s") @NotNull Duration settle,
                              @DefaultValue("0 30 2 * * *") @NotNull String nightly) {
}
