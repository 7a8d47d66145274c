package org.programmeledger.dashboards.outputs;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.programmeledger.analytics.facade.Jobs;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.programmeledger.dashboards.chart.PeriodChartsJobConfiguration;
import org.programmeledger.dashboards.chart.TrendChartJobConfiguration;
import org.programmeledger.dashboards.console.ArgumentChecks;
import org.programmeledger.dashboards.console.StoreGlance;
import org.programmeledger.dashboards.console.UsageRefusal;

/** The checks of a job's name, period and metrics, made before the application starts ({@link ArgumentChecks}). */
public final class JobArguments {

    /** The batch jobs by name, as the application registers them (JobsCommandIT compares the two). */
    public static final List<String> JOBS = Stream.of(Jobs.ACTIVITY_REGISTER,
            PeriodChartsJobConfiguration.JOB_NAME, Jobs.PERIOD_SUMMARY,
            TrendChartJobConfiguration.JOB_NAME, Jobs.TREND_SERIES).sorted().toList();

    private JobArguments() {
    }

    static void job(String name) {
        if (!JOBS.contains(name)) {
            throw new UsageRefusal("no job '" + name + "'; jobs: " + String.join(", ", JOBS));
        }
    }

    /** The parameter a job cannot run without: a period for the period jobs, a metric for the trend jobs. */
    static void required(String job, String period, List<String> metrics) {
        boolean trend = job.equals(Jobs.TREND_SERIES) || job.equals(TrendChartJobConfiguration.JOB_NAME);
        if (trend && metrics.isEmpty()) {
            throw new UsageRefusal(job + " needs --metric M");
        }
        if (!trend && period == null) {
            throw new UsageRefusal(job + " needs --period P: a plan period id, or " + ReportingPeriod.FORMS);
        }
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
                        + ArgumentChecks.listed(store.planPeriods())).orElse(""));
            }
        }
    }

    /** The metrics of a job, in the words of the job's own check (a chart needs a chartable metric). */
    static void metrics(String job, List<String> metrics, Optional<StoreGlance> glance) {
        boolean chart = job.equals(TrendChartJobConfiguration.JOB_NAME);
        glance.map(store -> chart ? store.chartableMetrics() : store.metrics()).ifPresent(known -> metrics.stream()
                .filter(metric -> !known.contains(metric)).findFirst().ifPresent(metric -> {
                    throw new UsageRefusal(job + ": no " + (chart ? "chartable " : "") + "metric '" + metric
                            + "' in the ledger; metrics: " + ArgumentChecks.listed(known));
                }));
    }
}
