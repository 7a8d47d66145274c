package org.programmeledger.dashboards.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.programmeledger.analytics.facade.Periods;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.ledger.facade.LedgerPosition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A read-only look into the embedded store without starting the application, so that a mistyped plan period
 * or metric is answered at once. It judges only when the views include every event: otherwise (and when it
 * cannot look: a datasource named, a server or another command holding the store) the application judges.
 */
public record StoreGlance(List<String> planPeriods, List<String> metrics, List<String> chartableMetrics) {

    public static Optional<StoreGlance> of(Path store) {
        if (ProjectConfig.datasourceNamed() || !DefaultStore.holdsStore(store)
                || ServerFile.runningServer(store).isPresent()) {
            return Optional.empty();
        }
        String url = "jdbc:h2:file:" + store.toAbsolutePath().resolve("ledger") + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
        SingleConnectionDataSource source = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(source);
            LedgerPosition head = LedgerPosition.of(jdbc);
            if (ReadModels.positionIn(jdbc).position() < head.position()) {
                return Optional.empty();
            }
            KnownMetrics metrics = ReadModels.metricsIn(jdbc);
            return Optional.of(new StoreGlance(Periods.planPeriodIdsIn(jdbc), metrics.ids(),
                    metrics.chartable()));
        } catch (RuntimeException e) {
            return Optional.empty();
        } finally {
            source.destroy();
        }
    }
}
