package org.programmeledger.analytics.trend;

import java.time.DateTimeException;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersInvalidException;
import org.springframework.batch.core.JobParametersValidator;

/**
 * Refuses a trend series whose bucket or first day cannot be read, before anything runs: read when the step starts,
 * they failed the run with a stack trace and left a failed execution behind.
 */
final class SeriesParameterValidator implements JobParametersValidator {

    @Override
    public void validate(JobParameters parameters) throws JobParametersInvalidException {
        String bucket = parameters == null ? null : parameters.getString("bucket");
        String from = parameters == null ? null : parameters.getString("from");
        if (bucket != null) {
            try {
                Bucket.fromCode(bucket);
            } catch (IllegalArgumentException e) {
                throw new JobParametersInvalidException(e.getMessage());
            }
        }
        try {
            TrendSeriesJobConfiguration.seriesStart(from);
        } catch (NumberFormatException | DateTimeException e) {
            throw new JobParametersInvalidException("from '" + from + "' is not a year (2004) or a day (2021-07-01)");
        }
    }
}
