package org.programmeledger.analytics.jobs;

import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Marks the executions that a stopped process left running as failed, when the application starts, so
 * that they can be restarted: Spring Batch refuses to restart an execution it believes still runs.
 * Safe when one process uses the store (always so for an H2 file store); with several nodes sharing a
 * PostgreSQL store, set {@code ledger.jobs.recover-abandoned=false} and mark them by hand (README).
 */
@Component
class AbandonedExecutions {

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedExecutions.class);

    private final JobSettings settings;
    private final JobExplorer explorer;
    private final JobRepository repository;

    AbandonedExecutions(JobSettings settings, JobExplorer explorer, JobRepository repository) {
        this.settings = settings;
        this.explorer = explorer;
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    void markFailed() {
        if (!settings.recoverAbandoned()) {
            return;
        }
        for (String job : explorer.getJobNames()) {
            for (JobExecution execution : explorer.findRunningJobExecutions(job)) {
                LocalDateTime now = LocalDateTime.now();
                for (StepExecution step : execution.getStepExecutions()) {
                    if (step.getStatus().isRunning()) {
                        step.setStatus(BatchStatus.FAILED);
                        step.setExitStatus(ExitStatus.FAILED.addExitDescription("abandoned: its process stopped"));
                        step.setEndTime(now);
                        repository.update(step);
                    }
                }
                execution.setStatus(BatchStatus.FAILED);
                execution.setExitStatus(ExitStatus.FAILED.addExitDescription("abandoned: its process stopped"));
                execution.setEndTime(now);
                repository.update(execution);
                LOG.warn("Marked execution {} of {} failed: the process running it stopped", execution.getId(), job);
            }
        }
    }
}
