package org.programmeledger.analytics.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs the configured jobs on their cron expressions once the application is ready, when
 * {@code ledger.jobs.scheduling} is on (the {@code serve} command turns it on; other commands leave it
 * off). One scheduler thread, so scheduled runs never overlap; a run that finds its job running (started
 * over HTTP, say) or already built from the same ledger position does nothing. Several nodes sharing a
 * PostgreSQL store each fire their schedules; Spring Batch's job repository lets one of them create the
 * execution for a job instance (period and ledger position) and refuses or skips the others.
 */
@Component
public class JobSchedule implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(JobSchedule.class);

    private final JobSettings settings;
    private final LedgerJobs jobs;
    private ThreadPoolTaskScheduler scheduler;

    JobSchedule(JobSettings settings, LedgerJobs jobs) {
        this.settings = settings;
        this.jobs = jobs;
        for (JobSettings.Schedule schedule : settings.schedules()) {
            if (!jobs.names().contains(schedule.job())) {
                throw new IllegalArgumentException("ledger.jobs.schedules: no job '" + schedule.job() + "'; jobs: "
                        + String.join(", ", jobs.names()));
            }
            if (schedule.cron() == null || !CronExpression.isValidExpression(schedule.cron())) {
                throw new IllegalArgumentException("ledger.jobs.schedules: '" + schedule.cron() + "' of job "
                        + schedule.job() + " is not a cron expression (second minute hour day month weekday)");
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (!settings.scheduling() || settings.schedules().isEmpty()) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("ledger-jobs-");
        scheduler.initialize();
        for (JobSettings.Schedule schedule : settings.schedules()) {
            scheduler.schedule(() -> runScheduled(schedule), new CronTrigger(schedule.cron()));
            LOG.info("Scheduled {} {} on '{}'", schedule.job(), schedule.parameters(), schedule.cron());
        }
    }

    void runScheduled(JobSettings.Schedule schedule) {
        try {
            LOG.warn("Scheduled run: {}", jobs.run(schedule.job(), schedule.parameters()).describe());
        } catch (RuntimeException e) {
            LOG.error("Scheduled run of {} {} failed: {}", schedule.job(), schedule.parameters(), e.getMessage());
        }
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }
}
