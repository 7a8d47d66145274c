package org.programmeledger.analytics.jobs;

import org.programmeledger.analytics.output.SkippedRecords;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.SkipListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemReader;
import org.springframework.batch.item.ItemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one fault policy of every job's steps: chunks of {@code ledger.jobs.chunk-size} lines, each handed to
 * Spring Batch as one item ({@link LineBlocks}); a chunk that fails on a transient database error is tried
 * again up to {@code retry-limit} times; a row the job cannot read is skipped, up to {@code skip-limit} per
 * step, and named in the output's provenance; {@code chunk-pause} spaces the chunks out.
 */
@Component
@EnableConfigurationProperties(JobSettings.class)
public class StepPolicies {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JobSettings settings;

    StepPolicies(JobRepository jobRepository, PlatformTransactionManager transactionManager, JobSettings settings) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.settings = settings;
    }

    public <T> Step step(String name, ItemReader<T> reader, ItemWriter<T> writer) {
        SkippedRecords skipped = new SkippedRecords();
        return new StepBuilder(name, jobRepository)
                .<LineBlocks.Block<T>, LineBlocks.Block<T>>chunk(1, transactionManager)
                .reader(new LineBlocks.Reader<>(reader, settings.chunkSize()))
                .writer(new LineBlocks.Writer<>(writer))
                .faultTolerant()
                .retry(TransientDataAccessException.class)
                .retryLimit(settings.retryLimit() + 1)
                .skip(UnreadableRowException.class)
                .skipLimit(settings.skipLimit())
                .listener((SkipListener<Object, Object>) skipped)
                .listener((StepExecutionListener) skipped)
                .listener(new ChunkListener() {
                    @Override
                    public void afterChunk(ChunkContext context) {
                        pause();
                    }
                })
                .build();
    }

    private void pause() {
        if (!settings.chunkPause().isZero()) {
            try {
                Thread.sleep(settings.chunkPause().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
