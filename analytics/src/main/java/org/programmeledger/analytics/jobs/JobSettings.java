package org.programmeledger.analytics.jobs;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the batch jobs run ({@code ledger.jobs.*}).
 *
 * @param chunkSize   how many lines a step writes per transaction; each also updates the step in the job
 *                    repository, a commit (an fsync on PostgreSQL) per chunk
 * @param retryLimit  how often a chunk that failed on a transient database error is tried again
 * @param skipLimit   how many unreadable rows a step leaves out (each reported) before it fails
 * @param scheduling  whether the schedules below run (the {@code serve} command turns this on)
 * @param schedules   jobs to run on cron expressions
 * @param recoverAbandoned whether executions left running by a stopped process are marked failed at start,
 *                    so that they can be restarted (turn off when several nodes share the store)
 * @param chunkPause  a pause after each chunk, to leave the database to the ledger's own writes while a long
 *                    job runs
 */
@Validated
@ConfigurationProperties("ledger.jobs")
public record JobSettings(@DefaultValue("10000") @Min(1) int chunkSize, @DefaultValue("3") @Min(0) int retryLimit,
                          @DefaultValue("10") @Min(0) int skipLimit, @DefaultValue("false") boolean scheduling,
                          @DefaultValue List<Schedule> schedules, @DefaultValue("true") boolean recoverAbandoned,
                          @DefaultValue("0ms") Duration chunkPause) {

    /**
     * @param job        the job's name, e.g. {@code period-summary}
     * @param cron       a Spring cron expression (second minute hour day-of-month month weekday)
     * @param parameters the job's parameters, e.g. {@code period: 2021-Q3} or {@code metric: participants}
     */
    public record Schedule(String job, String cron, @DefaultValue Map<String, String> parameters) {
    }
}
