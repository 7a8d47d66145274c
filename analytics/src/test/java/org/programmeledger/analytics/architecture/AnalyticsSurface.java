package org.programmeledger.analytics.architecture;

import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.Combination;
import org.programmeledger.analytics.aggregation.Combined;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.analytics.aggregation.StatedValues;
import org.programmeledger.analytics.jobs.JobExecutionSummary;
import org.programmeledger.analytics.jobs.JobFailedException;
import org.programmeledger.analytics.jobs.JobReport;
import org.programmeledger.analytics.jobs.JobRunner;
import org.programmeledger.analytics.jobs.LedgerJobs;
import org.programmeledger.analytics.metric.KnownMetrics;
import org.programmeledger.analytics.metric.MetricParameterValidator;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.output.Provenance;
import org.programmeledger.analytics.overview.OverviewQueries;
import org.programmeledger.analytics.overview.PeriodOverview;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.analytics.period.ReportingPeriods;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analytics.views.MetricCatalogue;
import org.programmeledger.analytics.views.ViewPosition;
import org.programmeledger.analytics.views.ViewReplay;
import org.programmeledger.ledger.architecture.ModuleSurface;

/** What the dashboards (and the benchmarks) may use of analytics. */
public final class AnalyticsSurface {

    /**
     * The classes listed are those the dashboards reached into before the surface existed: move them behind one
     * package of queries and jobs, never add one.
     */
    public static final ModuleSurface ANALYTICS = new ModuleSurface("analytics", new String[] {"reads"},
            Bound.class, Combination.class, Combined.class, StatedFigure.class, StatedValues.class,
            JobExecutionSummary.class, JobFailedException.class, JobReport.class, JobRunner.class, LedgerJobs.class,
            KnownMetrics.class, MetricParameterValidator.class, OutputFiles.class, OutputSettings.class,
            Provenance.class, OverviewQueries.class, PeriodOverview.class, ReportingPeriod.class, ReportingPeriods.class,
            LedgerViews.class,
            MetricCatalogue.class, ViewPosition.class, ViewReplay.class);

    private AnalyticsSurface() {
    }
}
