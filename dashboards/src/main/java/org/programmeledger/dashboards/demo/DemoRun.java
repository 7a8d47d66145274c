package org.programmeledger.dashboards.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.programmeledger.analytics.facade.Jobs;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.facade.Overview;
import org.programmeledger.analytics.reads.PeriodOverview;
import org.programmeledger.analytics.facade.Periods;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.analytics.reads.ViewPosition;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.report.SummaryReport;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.facade.Imports;
import org.programmeledger.ledger.facade.LedgerPosition;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The main job end to end: record the import files through the command bus, wait for the views,
 * run the batch jobs for every plan period, and say what was built and from which ledger position.
 */
@Component
public class DemoRun {

    private static final Duration VIEWS_TIMEOUT = Duration.ofMinutes(5);
    /** The seed's cumulative exam passes (item 15), the demo's trend chart. */
    private static final String EXAM_PASSES = "residents-passed-examination";

    private final Imports importer;
    private final ReadModels views;
    private final LedgerPosition head;
    private final Jobs jobs;
    private final Job periodSummaryJob;
    private final Job trendChartJob;
    private final Job periodChartsJob;
    private final Periods periods;
    private final Overview overview;
    private final SummaryReport report;
    private final OutputSettings output;

    DemoRun(Imports importer, ReadModels views, LedgerPosition head, Jobs jobs,
            @Qualifier("periodSummaryJob") Job periodSummaryJob, @Qualifier("trendChartJob") Job trendChartJob,
            @Qualifier("periodChartsJob") Job periodChartsJob,
            Periods periods, Overview overview, SummaryReport report, OutputSettings output) {
        this.importer = importer;
        this.views = views;
        this.head = head;
        this.jobs = jobs;
        this.periodSummaryJob = periodSummaryJob;
        this.trendChartJob = trendChartJob;
        this.periodChartsJob = periodChartsJob;
        this.periods = periods;
        this.overview = overview;
        this.report = report;
        this.output = output;
    }

    /** Returns false when a file was refused; what was refused is printed. */
    public boolean run(List<Path> files, PrintWriter console) {
        console.println("Recording " + files.size() + " files through the command bus:");
        List<ImportReport> reports = importer.importFiles(files, Map.of(RecordingMetaData.CHANNEL, "demo",
                RecordingMetaData.USER, System.getProperty("user.name"), RecordingMetaData.ROLE, "SECRETARIAT"),
                new ImportListener() {
                    @Override
                    public void fileDone(ImportReport report) {
                        console.println(describe(report));
                    }
                });
        ImportReport refused = reports.stream().filter(report -> !report.accepted()).findFirst().orElse(null);
        if (refused != null) {
            console.println("Stopped: " + refused.file().getFileName() + " was refused and recorded nothing.");
            refused.problems().forEach(problem -> console.println("  " + problem));
            return false;
        }
        long recorded = reports.stream().mapToLong(ImportReport::eventsRecorded).sum();
        console.println("Recorded " + recorded + " events; the ledger is at position " + head.position() + ".");

        ViewPosition position = awaitViews();
        console.println("Views caught up with the ledger at position " + position.position() + ".");
        List<String> outputs = new ArrayList<>();
        for (String period : periods.planPeriodIds()) {
            outputs.add(runJob(periodSummaryJob, Map.of("period", period), console));
        }
        outputs.add(runJob(trendChartJob, Map.of("metric", EXAM_PASSES), console));
        for (String period : periods.planPeriodIds()) {
            outputs.add(runJob(periodChartsJob, Map.of("period", period), console));
        }
        for (String period : periods.planPeriodIds()) {
            console.println("Writing the summary report " + period + " ...");
            Path html = writeReport(period);
            outputs.add(Paths.display(html));
            outputs.add(Paths.display(html.resolveSibling(SummaryReport.pdfFileName(period))));
        }

        console.println();
        console.println("Outputs (each with a .provenance.json beside it naming ledger position "
                + position.position() + "):");
        outputs.forEach(output -> console.println("  " + output));
        console.println();
        for (PeriodOverview period : overview.periods()) {
            console.println(period.programmeName());
            console.println("  " + period.label() + ": " + period.items() + " items (" + period.completedItems()
                    + " completed; new in the period: " + period.newItems().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + "), " + period.activities() + " activities, "
                    + period.figures() + " figures");
        }
        console.println("Events in the ledger: " + head.eventCount());
        return true;
    }

    private ViewPosition awaitViews() {
        try {
            return views.awaitHead(VIEWS_TIMEOUT);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the views", e);
        }
    }

    private String runJob(Job job, Map<String, String> parameters, PrintWriter console) {
        console.println("Running " + job.getName() + " " + parameters.values().iterator().next() + " ...");
        JobExecution execution = jobs.run(job, parameters);
        return execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .filter(step -> step.getExecutionContext().containsKey("output"))
                .flatMap(step -> step.getExecutionContext().getString("output").lines())
                .map(file -> Paths.display(Path.of(file))).collect(Collectors.joining("\n  "));
    }

    private Path writeReport(String period) {
        try {
            return report.write(period, output.directory().resolve("report"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of " + period + ": " + e.getMessage(), e);
        }
    }

    private static String describe(ImportReport report) {
        String name = report.file().getFileName().toString();
        if (!report.accepted()) {
            return String.format("  %-26s refused (%d problem%s)", name, report.problems().size(),
                    report.problems().size() == 1 ? "" : "s");
        }
        return String.format("  %-26s %-17s %4d rows %5d events", name, report.format().label(), report.rows(),
                report.eventsRecorded());
    }
}
