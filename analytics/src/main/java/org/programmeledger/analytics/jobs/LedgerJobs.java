package org.programmeledger.analytics.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.programmeledger.analytics.output.SkippedRecords;
import org.programmeledger.analytics.period.ReportingPeriods;
import org.programmeledger.analytics.reads.JobExecutionSummary;
import org.programmeledger.analytics.reads.JobReport;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.stereotype.Component;

/**
 * The jobs by name, for the command line, the HTTP API and the schedule: runs one (at most one run of a
 * job at a time in this process; across nodes sharing a store, Spring Batch's job repository refuses a
 * second execution of the same job instance), and lists past executions.
 */
@Component
public class LedgerJobs {

    private static final int HISTORY_PER_JOB = 50;
    /** Parameters become parts of output file names, so they may not hold a path separator or the like. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final Map<String, Job> jobs;
    private final JobRunner runner;
    private final JobExplorer explorer;
    private final ReportingPeriods periods;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    LedgerJobs(List<Job> jobs, JobRunner runner, JobExplorer explorer, ReportingPeriods periods) {
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity(), (a, b) -> a,
                TreeMap::new));
        this.runner = runner;
        this.explorer = explorer;
        this.periods = periods;
    }

    public List<String> names() {
        return List.copyOf(jobs.keySet());
    }

    /**
     * Runs a job on the views as they stand. A run whose parameters were already built from the same
     * ledger position does nothing and says so.
     *
     * @throws IllegalArgumentException for an unknown job, an unknown period or a missing parameter
     * @throws JobBusyException when the job is running already in this process
     */
    public JobReport run(String name, Map<String, String> parameters) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new IllegalArgumentException("no job '" + name + "'; jobs: " + String.join(", ", jobs.keySet()));
        }
        parameters.forEach((key, value) -> {
            if (!PLAIN.matcher(value).matches()) {
                throw new IllegalArgumentException(key + " '" + value + "' is not a plain name: use letters, digits, "
                        + "'.', '_' and '-' (at most 200)");
            }
        });
        if (parameters.containsKey("period")) {
            periods.require(parameters.get("period"));
        }
        ReentrantLock lock = running.computeIfAbsent(name, n -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new JobBusyException(name + " is running already; try again when it has finished");
        }
        try {
            JobExecution execution = runner.run(job, parameters);
            List<String> outputs = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getExecutionContext().containsKey("output")) {
                    outputs.add(step.getExecutionContext().getString("output"));
                }
                skipped.addAll(SkippedRecords.of(step));
            }
            return new JobReport(name, parameters, execution.getJobParameters().getLong("position"),
                    execution.getStatus().name(), execution.getId(), outputs, skipped);
        } catch (JobRunner.AlreadyBuiltException e) {
            return new JobReport(name, parameters, e.position(), JobReport.ALREADY_BUILT, null, List.of(), List.of());
        } finally {
            lock.unlock();
        }
    }

    /** Past executions of every job, newest first. */
    public List<JobExecutionSummary> history() {
        List<JobExecutionSummary> executions = new ArrayList<>();
        for (String name : explorer.getJobNames()) {
            for (JobInstance instance : explorer.getJobInstances(name, 0, HISTORY_PER_JOB)) {
                for (JobExecution execution : explorer.getJobExecutions(instance)) {
                    Map<String, String> parameters = new TreeMap<>();
                    execution.getJobParameters().getParameters()
                            .forEach((key, value) -> parameters.put(key, String.valueOf(value.getValue())));
                    executions.add(new JobExecutionSummary(execution.getId(), name, parameters,
                            execution.getStatus().name(), execution.getExitStatus().getExitCode(),
                            execution.getStartTime(), execution.getEndTime()));
                }
            }
        }
        executions.sort(Comparator.comparingLong(JobExecutionSummary::executionId).reversed());
        return executions;
    }

    /** Thrown when a job is asked to run while it is running. */
    public static class JobBusyException extends RuntimeException {
        JobBusyException(String message) {
            super(message);
        }
    }
}
