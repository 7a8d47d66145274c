package org.programmeledger.dashboards.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.trend.TrendQueries;
import org.programmeledger.analytics.trend.TrendSeries;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
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
 * The trend-chart job: draws a named trend chart from the views as a PNG under {@code charts/}, with its
 * provenance beside it. Parameters: {@code chart} (a chart name) and {@code position}.
 */
@Configuration(proxyBeanMethods = false)
public class TrendChartJobConfiguration {

    public static final String JOB_NAME = "trend-chart";

    @Bean
    Job trendChartJob(JobRepository jobRepository, Step trendChartStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(trendChartStep).build();
    }

    @Bean
    Step trendChartStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        Tasklet trendChartTasklet) {
        return new StepBuilder("trendChartStep", jobRepository).tasklet(trendChartTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    Tasklet trendChartTasklet(TrendQueries trends, OutputSettings output,
                              @Value("#{jobParameters['chart']}") String chartName,
                              @Value("#{jobParameters['recordedAt']}") String recordedAt) {
        return (contribution, chunkContext) -> {
            TrendChartDefinition definition = TrendChartDefinition.named(chartName).orElseThrow(() ->
                    new IllegalArgumentException("no chart named '" + chartName + "'; charts: "
                            + String.join(", ", TrendChartDefinition.names())));
            TrendSeries series = trends.cumulative(definition.metric(), definition.side());
            Path target = output.charts().resolve(definition.fileName());
            writePng(CumulativeTrendChart.draw(definition, series), target, Map.of("chart", chartName),
                    series.position().position(), recordedAt);
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
