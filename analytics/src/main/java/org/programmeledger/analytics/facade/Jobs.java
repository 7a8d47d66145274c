package org.programmeledger.analytics.facade;

import java.util.List;
import java.util.Map;
import org.programmeledger.analytics.jobs.JobRunner;
import org.programmeledger.analytics.jobs.LedgerJobs;
import org.programmeledger.analytics.metric.MetricParameterValidator;
import org.programmeledger.analytics.reads.JobExecutionSummary;
import org.programmeledger.analytics.reads.JobReport;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.programmeledger.analytics.register.ActivityRegisterJobConfiguration;
import org.programmeledger.analytics.summary.PeriodSummaryJobConfiguration;
import org.programmeledger.analytics.trend.TrendSeriesJobConfiguration;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersValidator;
import org.springframework.stereotype.Component;

/** The batch jobs that build outputs from the views at a sealed position (docs/outputs-and-jobs.md). */
@Component
public class Jobs {

    public static final String ACTIVITY_REGISTER = ActivityRegisterJobConfiguration.JOB_NAME;
    public static final String PERIOD_SUMMARY = PeriodSummaryJobConfiguration.JOB_NAME;
    public static final String TREND_SERIES = TrendSeriesJobConfiguration.JOB_NAME;

    private final LedgerJobs jobs;
    private final JobRunner runner;

    Jobs(LedgerJobs jobs, JobRunner runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    /** A job's optional parameters for its validator: its own, and those every run adds (see {@link JobRunner}). */
    public static String[] optionalParameters(String... ownParameters) {
        return JobRunner.optional(ownParameters);
    }

    /** Refuses a job whose {@code metric} parameter names no metric that may be drawn. */
    public static JobParametersValidator chartableMetric(KnownMetrics metrics) {
        return MetricParameterValidator.chartableMetric(metrics);
    }

    /**
     * Runs the job named on the views as they stand; a run whose parameters were already built from the same
     * ledger position does nothing and says so.
     */
    public JobReport run(String name, Map<String, String> parameters) {
        return jobs.run(name, parameters);
    }

    /** Runs a job of another module (the charts) the same way, at the views' sealed position. */
    public JobExecution run(Job job, Map<String, String> parameters) {
        return runner.run(job, parameters);
    }

    public List<JobExecutionSummary> history() {
        return jobs.history();
    }
}
