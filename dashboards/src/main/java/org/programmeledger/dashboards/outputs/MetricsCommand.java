package org.programmeledger.dashboards.outputs;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.programmeledger.analytics.reads.CatalogueMetric;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.dashboards.console.LedgerServer;
import org.programmeledger.dashboards.console.SignIn;
import org.programmeledger.dashboards.console.StoreOption;
import org.programmeledger.dashboards.console.UsageRefusal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the metric catalogue: each metric's units and how its figures may be combined. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        header = "Lists the metric catalogue.",
        description = "Lists the metric catalogue: each metric's units, aggregation (sum, cumulative, level, ratio, "
                + "distinct) and whether it is charted; from the running server when one runs on the store.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:listed",
                UsageRefusal.EXIT_CODE},
        footerHeading = "%nExample:%n", footer = "  bin/ledger metrics")
public class MetricsCommand implements Callable<Integer> {

    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;
    @Mixin
    StoreOption store;
    @Mixin
    SignIn signIn;

    @Override
    public Integer call() throws Exception {
        print(store.ask(signIn, LedgerServer::metrics, "/api/metrics", "any role", application -> {
            application.getBean(ReadModels.class).awaitHead(CATCH_UP);
            return application.getBean(ReadModels.class).metrics();
        }), spec.commandLine().getOut());
        return 0;
    }

    private static void print(List<CatalogueMetric> metrics, PrintWriter out) {
        if (metrics.isEmpty()) {
            out.println("The catalogue has no metric yet; import a metrics file (see docs/import-format.md).");
        }
        for (CatalogueMetric metric : metrics) {
            out.printf("%-36s %-11s %-9s %s%n", metric.metricId(), metric.aggregation(),
                    metric.chartable() ? "chartable" : "", String.join(", ", metric.units()));
        }
        out.flush();
    }
}
