package org.programmeledger.analytics.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.reads.JobFailedException;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analytics.reads.ViewPosition;
import org.programmeledger.ledger.facade.Sealing;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.JobParametersInvalidException;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Launches a job on the views as they stand: the views' ledger position and the output folder are identifying
 * parameters, so a job instance is one period built from one ledger position into one folder, and the recording
 * time of that position travels with it for the outputs' provenance.
 */
@Component
public class JobRunner {

    /**
     * Creating a job instance is serialised by the job repository; when two nodes create the same one at
     * once, the loser's transaction fails and it tries again, to find the instance running or complete.
     */
    private static final RetryTemplate CREATE = RetryTemplate.builder().maxAttempts(3)
            .retryOn(ConcurrencyFailureException.class).noBackoff().build();

    private static final Duration SEALING_WAIT = Duration.ofSeconds(30);

    /** The parameters the runner adds to a job's own (optional for the job's validator). */
    private static final String[] RUN_PARAMETERS = {"recordedAt", "output", "rebuilt"};

    private final JobLauncher jobLauncher;
    private final JobExplorer explorer;
    private final LedgerViews views;
    private final Sealing sequencer;
    private final ViewStatistics statistics;
    private final OutputSettings output;

    JobRunner(JobLauncher jobLauncher, JobExplorer explorer, LedgerViews views, Sealing sequencer,
              ViewStatistics statistics, OutputSettings output) {
        this.jobLauncher = jobLauncher;
        this.explorer = explorer;
        this.views = views;
        this.sequencer = sequencer;
        this.statistics = statistics;
        this.output = output;
    }

    /** A job's optional parameters for its validator: its own, and those every run adds. */
    public static String[] optional(String... ownParameters) {
        return Stream.concat(Stream.of(ownParameters), Stream.of(RUN_PARAMETERS)).toArray(String[]::new);
    }

    /**
     * Runs a job to its end and returns the execution; a job that did not complete is an error, and so is a
     * job instance (the same parameters at the same ledger position) that completed before. A failed
     * instance is restarted: its completed steps are kept, the others run again from the start.
     */
    public JobExecution run(Job job, Map<String, String> parameters) {
        ViewPosition position = views.position();
        // An output names the position it was built from; an auditor must be able to prove that position.
        if (sequencer.halted().isPresent() || !sequencer.awaitSealed(position.position(), SEALING_WAIT)) {
            throw new IllegalStateException(job.getName() + ": ledger position " + position.position()
                    + " is not sealed within " + SEALING_WAIT.toSeconds() + " s"
                    + sequencer.halted().map(why -> " (sealing stopped: " + why + ")").orElse("")
                    + "; run bin/ledger verify");
        }
        JobParametersBuilder builder = new JobParametersBuilder();
        new TreeMap<>(parameters).forEach(builder::addString);
        JobParameters jobParameters = builder
                .addLong("position", position.position())
                .addString("output", output.directory().toAbsolutePath().normalize().toString())
                .addString("recordedAt", position.recordedAt(), false)
                .toJobParameters();
        statistics.refreshIfStale();
        try {
            try {
                return launch(job, jobParameters);
            } catch (JobInstanceAlreadyCompleteException e) {
                if (outputsPresent(explorer.getLastJobExecution(explorer.getJobInstance(job.getName(),
                        jobParameters)))) {
                    throw new AlreadyBuiltException(job.getName(), position.position(), e);
                }
                // Built, but a file of it is gone since: built again, as an instance of its own.
                return launch(job, new JobParametersBuilder(jobParameters)
                        .addString("rebuilt", Instant.now().toString()).toJobParameters());
            }
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new AlreadyBuiltException(job.getName(), position.position(), e);
        } catch (JobParametersInvalidException e) {
            throw new IllegalArgumentException(job.getName() + ": " + e.getMessage(), e);
        } catch (JobExecutionException e) {
            throw new IllegalStateException(job.getName() + " " + parameters + " at ledger position "
                    + position.position() + ": " + e.getMessage(), e);
        }
    }

    private JobExecution launch(Job job, JobParameters jobParameters) throws JobExecutionException {
        JobExecution execution = CREATE.execute(attempt -> jobLauncher.run(job, jobParameters));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new JobFailedException(job.getName(), execution);
        }
        return execution;
    }

    /**
     * Whether every file a completed run wrote is still there with its provenance beside it, naming the position the
     * run was for (a chart step names several files, a line each). The job repository is a table like any other:
     * a run it says was built at a position is taken as built only when the files say so too.
     */
    private static boolean outputsPresent(JobExecution built) {
        if (built == null) {
            return false;
        }
        Long position = built.getJobParameters().getLong("position");
        return built.getStepExecutions().stream()
                .filter(step -> step.getExecutionContext().containsKey("output"))
                .flatMap(step -> step.getExecutionContext().getString("output").lines())
                .map(Path::of)
                .allMatch(file -> Files.exists(file) && OutputFiles.provenanceOf(file)
                        .filter(provenance -> position != null && provenance.ledgerPosition() == position)
                        .isPresent());
    }

    /** The job instance completed before: its outputs were built from this ledger position already. */
    public static class AlreadyBuiltException extends IllegalStateException {

        private final long position;

        AlreadyBuiltException(String job, long position, Throwable cause) {
            super(job + " already built from position " + position, cause);
            this.position = position;
        }

        public long position() {
            return position;
        }
    }
}
