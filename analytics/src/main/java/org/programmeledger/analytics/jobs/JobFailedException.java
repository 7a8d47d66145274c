package org.programmeledger.analytics.jobs;

import java.util.stream.Collectors;
import org.springframework.batch.core.JobExecution;

/** A job that ended without completing, with the reasons its steps gave. */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String job, JobExecution execution) {
        super(job + " ended " + execution.getStatus() + ": " + execution.getAllFailureExceptions().stream()
                .map(Throwable::getMessage).distinct().collect(Collectors.joining("; ")));
    }
}
