package org.programmeledger.dashboards.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.programmeledger.analytics.facade.Jobs;
import org.programmeledger.dashboards.chart.PeriodChartsJobConfiguration;
import org.programmeledger.dashboards.chart.TrendChartJobConfiguration;
import org.programmeledger.ledger.facade.Audit;

/**
 * The checks of a command's arguments that need no application, made before it starts: a user's mistake is
 * answered in one line at once ({@link UsageRefusal}, exit code 2), not after a start of several seconds.
 */
final class ArgumentChecks {

    /** The batch jobs by name, as the application registers them (JobsCommandIT compares the two). */
    static final List<String> JOBS = Stream.of(Jobs.ACTIVITY_REGISTER,
            PeriodChartsJobConfiguration.JOB_NAME, Jobs.PERIOD_SUMMARY,
            TrendChartJobConfiguration.JOB_NAME, Jobs.TREND_SERIES).sorted().toList();

    private ArgumentChecks() {
    }

    static void job(String name) {
        if (!JOBS.contains(name)) {
            throw new UsageRefusal("no job '" + name + "'; jobs: " + String.join(", ", JOBS));
        }
    }

    /** A recording time as as-of takes it: a date (its end, UTC) or an instant. */
    static Instant recordingTime(String text) {
        try {
            return Audit.parseTime(text);
        } catch (DateTimeException e) {
            throw new UsageRefusal("'" + text + "' is not a date (2022-07-01) or an instant (2022-07-01T12:00:00Z)");
        }
    }

    /** A plan period, checked against the store when a glance into it is possible. */
    static void planPeriod(String period, Optional<StoreGlance> glance) {
        glance.filter(store -> !store.planPeriods().contains(period)).ifPresent(store -> {
            throw new UsageRefusal("no plan period '" + period + "' in the ledger; plan periods: "
                    + listed(store.planPeriods()));
        });
    }

    /** A period a job runs for: a plan period of the store, or a calendar period ({@link ReportingPeriod#FORMS}). */
    static void jobPeriod(String period, Optional<StoreGlance> glance) {
        if (glance.map(store -> store.planPeriods().contains(period)).orElse(false)) {
            return;
        }
        if (Character.isDigit(period.charAt(0)) || glance.isPresent()) {
            try {
                ReportingPeriod.parse(period);
            } catch (IllegalArgumentException e) {
                throw new UsageRefusal(e.getMessage() + glance.map(store -> "; plan periods in the ledger: "
                        + listed(store.planPeriods())).orElse(""));
            }
        }
    }

    /** The metrics of a job, in the words of the job's own check (a chart needs a chartable metric). */
    static void metrics(String job, List<String> metrics, Optional<StoreGlance> glance) {
        boolean chart = job.equals(TrendChartJobConfiguration.JOB_NAME);
        glance.map(store -> chart ? store.chartableMetrics() : store.metrics()).ifPresent(known -> metrics.stream()
                .filter(metric -> !known.contains(metric)).findFirst().ifPresent(metric -> {
                    throw new UsageRefusal(job + ": no " + (chart ? "chartable " : "") + "metric '" + metric
                            + "' in the ledger; metrics: " + listed(known));
                }));
    }

    /** A file or folder the command reads. */
    static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new UsageRefusal("no such file or folder: " + Paths.display(path));
        }
        return path;
    }

    private static String listed(List<String> names) {
        return names.isEmpty() ? "none yet" : String.join(", ", names);
    }
}
