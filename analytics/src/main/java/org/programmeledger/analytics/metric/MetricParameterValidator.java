package org.programmeledger.analytics.metric;

import java.util.List;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersInvalidException;
import org.springframework.batch.core.JobParametersValidator;

/**
 * Refuses a job whose {@code metric} parameter names no known metric, with the list of those there are, so
 * that a misspelt metric is a refusal before anything runs rather than an empty file.
 */
public final class MetricParameterValidator implements JobParametersValidator {

    private final KnownMetrics metrics;
    private final boolean chart;

    private MetricParameterValidator(KnownMetrics metrics, boolean chart) {
        this.metrics = metrics;
        this.chart = chart;
    }

    /** For a job that writes a metric's figures. */
    public static MetricParameterValidator anyMetric(KnownMetrics metrics) {
        return new MetricParameterValidator(metrics, false);
    }

    /** For a job that draws a metric. */
    public static MetricParameterValidator chartableMetric(KnownMetrics metrics) {
        return new MetricParameterValidator(metrics, true);
    }

    @Override
    public void validate(JobParameters parameters) throws JobParametersInvalidException {
        String metric = parameters == null ? null : parameters.getString("metric");
        if (metric != null && !chart && metrics.has(metric)) {
            return;
        }
        List<String> known = chart ? metrics.chartable() : metrics.ids();
        if (metric == null || !known.contains(metric)) {
            throw new JobParametersInvalidException((metric == null ? "a metric is required"
                    : "no " + (chart ? "chartable " : "") + "metric '" + metric + "' in the ledger")
                    + "; metrics: " + (known.isEmpty() ? "none recorded yet" : String.join(", ", known)));
        }
    }
}
