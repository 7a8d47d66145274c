package org.programmeledger.dashboards.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.analytics.reads.ViewPosition;
import org.programmeledger.dashboards.console.ArgumentChecks;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.StoreGlance;
import org.programmeledger.dashboards.console.StoreOption;
import org.programmeledger.ledger.api.PublishedFile;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Writes a plan period's Summary of Co-operation Items as HTML.",
        description = "Writes the Summary of Co-operation Items of a plan period as HTML, every figure read from the "
                + "ledger: <out>/summary-of-cooperation-items-<period>.html, with its provenance beside it; with "
                + "--at, as the ledger stood at that position. Reads the store itself: stop a server running on it "
                + "first.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written",
                "2:the ledger holds no such plan period, or a bad option"},
        footerHeading = "%nExample:%n", footer = "  bin/ledger report --period gdhk-ipr-2020-mid-2022")
public class ReportCommand implements Callable<Integer> {

    private static final Duration VIEWS_TIMEOUT = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--period", required = true, paramLabel = "PERIOD",
            description = "the plan period, e.g. gdhk-ipr-2020-mid-2022")
    String period;

    @Option(names = "--out", paramLabel = "DIR", description = "the folder for the report (default: report/ in the "
            + "store's output folder, out/<store>/, or report/at-<POSITION>/ there with --at)")
    Path out;

    @Option(names = "--at", paramLabel = "POSITION", description = "the report (and summary CSV files) as the ledger "
            + "stood at this position, byte-identical to what was rendered there, e.g. a publication's position")
    Long at;

    @Override
    public Integer call() throws Exception {
        ArgumentChecks.planPeriod(period, StoreGlance.of(store.folder()));
        if (at != null) {
            return atPosition();
        }
        Path folder = out != null ? out : store.outputs().resolve("report");
        try (ConfigurableApplicationContext application = store.openStopped()) {
            ViewPosition position = application.getBean(ReadModels.class).awaitHead(VIEWS_TIMEOUT);
            Path written;
            try {
                written = application.getBean(SummaryReport.class).write(period, folder);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            spec.commandLine().getOut().println("Wrote " + Paths.display(written) + " and "
                    + Paths.display(written.resolveSibling(SummaryReport.pdfFileName(period))) + " from ledger position "
                    + position.position() + ".");
            return 0;
        }
    }

    private int atPosition() throws Exception {
        Path folder = out != null ? out : store.outputs().resolve("report").resolve("at-" + at);
        try (ConfigurableApplicationContext application = store.openStopped()) {
            List<PublishedFile> files;
            try {
                files = application.getBean(PositionRendering.class).render(period, at, folder);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            spec.commandLine().getOut().println("Rendered plan period " + period + " as the ledger stood at position "
                    + at + ", in " + Paths.display(folder) + ":");
            files.forEach(file -> spec.commandLine().getOut().println("  " + file.sha256() + "  " + file.path()));
            return 0;
        }
    }
}
