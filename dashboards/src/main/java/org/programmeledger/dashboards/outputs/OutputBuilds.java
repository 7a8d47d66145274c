package org.programmeledger.dashboards.outputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.programmeledger.analytics.reads.JobReport;
import org.programmeledger.analytics.facade.Jobs;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.output.Provenance;
import org.programmeledger.dashboards.chart.PeriodChartsJobConfiguration;
import org.programmeledger.dashboards.chart.TrendChartJobConfiguration;
import org.programmeledger.dashboards.report.SummaryReport;
import org.programmeledger.dashboards.views.DashboardQueries;
import org.programmeledger.dashboards.views.PeriodView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the outputs a user meets from the views as they stand: each plan period's summary CSV files, charts and
 * report, and each chartable metric's trend chart. An output already built from the current position is left as
 * it is (a job says "already built"); one output that fails does not stop the others. One build at a time.
 */
@Component
public class OutputBuilds {

    private static final Logger LOG = LoggerFactory.getLogger(OutputBuilds.class);
    private static final String PERIOD_SUMMARY = "period-summary";

    /** What a build did: outputs built, already current, and failures with their reasons. */
    public record Built(long position, int built, int current, List<String> failures) {
    }

    private final Jobs jobs;
    private final DashboardQueries queries;
    private final KnownMetrics metrics;
    private final SummaryReport report;
    private final OutputSettings output;
    private final ReentrantLock building = new ReentrantLock();

    OutputBuilds(Jobs jobs, DashboardQueries queries, KnownMetrics metrics, SummaryReport report,
                 OutputSettings output) {
        this.jobs = jobs;
        this.queries = queries;
        this.metrics = metrics;
        this.report = report;
        this.output = output;
    }

    /** Builds every output that is not current; empty when another build is running. */
    public Optional<Built> buildAll() {
        if (!building.tryLock()) {
            return Optional.empty();
        }
        try {
            long position = queries.position().position();
            List<String> failures = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (PeriodView period : queries.periods()) {
                for (String job : List.of(PERIOD_SUMMARY, PeriodChartsJobConfiguration.JOB_NAME)) {
                    outcomes.add(job(job, Map.of("period", period.periodId()), failures));
                }
                outcomes.add(report(period.periodId(), position, failures));
            }
            for (String metric : metrics.chartable()) {
                outcomes.add(job(TrendChartJobConfiguration.JOB_NAME, Map.of("metric", metric), failures));
            }
            Built built = new Built(position, Collections.frequency(outcomes, Outcome.BUILT),
                    Collections.frequency(outcomes, Outcome.CURRENT), failures);
            LOG.info("Outputs at ledger position {}: {} built, {} already current, {} failed", position,
                    built.built(), built.current(), failures.size());
            return Optional.of(built);
        } finally {
            building.unlock();
        }
    }

    private enum Outcome { BUILT, CURRENT, FAILED }

    private Outcome job(String name, Map<String, String> parameters, List<String> failures) {
        try {
            return JobReport.ALREADY_BUILT.equals(jobs.run(name, parameters).status()) ? Outcome.CURRENT
                    : Outcome.BUILT;
        } catch (RuntimeException e) {
            failures.add(name + " " + parameters + ": " + e.getMessage());
            LOG.warn("Building {} {} failed: {}", name, parameters, e.getMessage());
            return Outcome.FAILED;
        }
    }

    /**
     * The report is no job: it is written again unless its HTML and its PDF are both there, each as its provenance
     * describes it (the same SHA-256) at this position. A server stopped while writing them left one of the two
     * behind, or a file without its provenance.
     */
    private Outcome report(String periodId, long position, List<String> failures) {
        Path folder = output.directory().resolve("report");
        try {
            if (current(folder.resolve(SummaryReport.fileName(periodId)), position)
                    && current(folder.resolve(SummaryReport.pdfFileName(periodId)), position)) {
                return Outcome.CURRENT;
            }
            report.write(periodId, folder);
            return Outcome.BUILT;
        } catch (IOException | RuntimeException e) {
            failures.add("report " + periodId + ": " + e.getMessage());
            LOG.warn("Writing the report of {} failed: {}", periodId, e.getMessage());
            return Outcome.FAILED;
        }
    }

    private static boolean current(Path file, long position) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Optional<Provenance> described = OutputFiles.provenanceOf(file);
        return described.isPresent() && described.get().ledgerPosition() == position
                && described.get().sha256().equals(OutputFiles.sha256(file));
    }
}
