package org.programmeledger.dashboards.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analytics.views.MetricCatalogue;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the metric catalogue: each metric's units and how its figures may be combined. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "List the metric catalogue: units, aggregation (sum, cumulative, level, ratio, distinct), "
                + "whether it is charted.")
class MetricsCommand implements Callable<Integer> {

    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;
    @Mixin
    StoreOption store;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext application = store.open("/api/metrics", "any role")) {
            application.getBean(LedgerViews.class).awaitHead(CATCH_UP);
            List<MetricCatalogue.Metric> metrics = application.getBean(MetricCatalogue.class).metrics();
            if (metrics.isEmpty()) {
                out.println("The catalogue has no metric yet; import a metrics file (see docs/import-format.md).");
            }
            for (MetricCatalogue.Metric metric : metrics) {
                out.printf("%-36s %-11s %-9s %s%n", metric.metricId(), metric.aggregation(),
                        metric.chartable() ? "chartable" : "", String.join(", ", metric.units()));
            }
        }
        out.flush();
        return 0;
    }
}
