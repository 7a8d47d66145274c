package org.programmeledger.dashboards.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analytics.views.ViewPosition;
import org.programmeledger.dashboards.report.SummaryReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the Summary of Co-operation Items of a plan period as HTML, every figure read from",
                "the ledger: <out>/summary-of-cooperation-items-<period>.html, with its provenance beside it."})
class ReportCommand implements Callable<Integer> {

    private static final Duration VIEWS_TIMEOUT = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--period", required = true, paramLabel = "PERIOD",
            description = "the plan period, e.g. gdhk-ipr-2020-mid-2022")
    String period;

    @Option(names = "--out", paramLabel = "DIR", description = "the folder for the report (default: out/report/)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path folder = out != null ? out : LedgerHome.path().resolve("out").resolve("report");
        try (ConfigurableApplicationContext application = store.open("/")) {
            ViewPosition position = application.getBean(LedgerViews.class).awaitHead(VIEWS_TIMEOUT);
            Path written;
            try {
                written = application.getBean(SummaryReport.class).write(period, folder);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            spec.commandLine().getOut().println("Wrote " + Paths.display(written) + " from ledger position "
                    + position.position() + ".");
            return 0;
        }
    }
}
