package org.programmeledger.analytics.reads;

import java.util.stream.Collectors;
import org.springframework.batch.core.JobExecution;
import org.springframework.retry.ExhaustedRetryException;

/** A job that ended without completing, with the reasons its steps gave. */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String job, JobExecution execution) {
        super(job + " ended " + execution.getStatus() + ": " + execution.getAllFailureExceptions().stream()
                .map(JobFailedException::reason).distinct().collect(Collectors.joining("; ")));
    }

    /** Spring Retry's "retry exhausted" says nothing a user can act on; what was retried does. */
    private static String reason(Throwable failure) {
        return failure instanceof ExhaustedRetryException && failure.getCause() != null
                ? failure.getCause().getMessage() : failure.getMessage();
    }
}
