package org.programmeledger.dashboards.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.programmeledger.analytics.facade.Jobs;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.dashboards.views.DashboardQueries;
import org.programmeledger.dashboards.views.FigureView;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.CompositeJobParametersValidator;
import org.springframework.batch.core.job.DefaultJobParametersValidator;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The trend-chart job: draws a metric's figures from the views ({@link TrendChart}) as a PNG under
 * {@code charts/}, {@code trend-<metric>.png}, with its provenance beside it. Parameters: {@code metric} (one
 * the ledger knows as chartable; any other is refused with the list) and {@code position}.
 */
@Configuration(proxyBeanMethods = false)
public class TrendChartJobConfiguration {

    public static final String JOB_NAME = "trend-chart";

    @Bean
    Job trendChartJob(JobRepository jobRepository, Step trendChartStep, KnownMetrics metrics) {
        CompositeJobParametersValidator validator = new CompositeJobParametersValidator();
        validator.setValidators(List.of(new DefaultJobParametersValidator(new String[] {"metric", "position"},
                Jobs.optionalParameters()), Jobs.chartableMetric(metrics)));
        return new JobBuilder(JOB_NAME, jobRepository).validator(validator).start(trendChartStep).build();
    }

    public static String fileName(String metric) {
        return "trend-" + metric + ".png";
    }

    @Bean
    Step trendChartStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        Tasklet trendChartTasklet) {
        return new StepBuilder("trendChartStep", jobRepository).tasklet(trendChartTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet trendChartTasklet(DashboardQueries queries, KnownMetrics metrics, OutputSettings output,
                              @Value("#{jobParameters['metric']}") String metric,
                              @Value("#{jobParameters['recordedAt']}") String recordedAt) {
        return (contribution, chunkContext) -> {
            List<FigureView> figures = queries.figuresOf(metric);
            long position = queries.position().position();
            Path target = output.charts().resolve(fileName(metric));
            writePng(TrendChart.draw(metric, metrics.label(metric), figures, position), target,
                    Map.of("metric", metric), position, recordedAt);
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("output",
                    target.toString());
            return RepeatStatus.FINISHED;
        };
    }

    static void writePng(JFreeChart chart, Path target, Map<String, String> parameters, long position,
                         String recordedAt) throws IOException {
        Path temporary = OutputFiles.temporaryFor(target);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(ChartImages.png(chart));
            }
            OutputFiles.publish(temporary, target, JOB_NAME, parameters, position, recordedAt);
        } finally {
            OutputFiles.deleteQuietly(temporary);
        }
    }
}
