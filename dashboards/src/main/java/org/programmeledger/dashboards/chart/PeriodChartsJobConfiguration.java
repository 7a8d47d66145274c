package org.programmeledger.dashboards.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.dashboards.views.DashboardQueries;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.ItemView;
import org.programmeledger.dashboards.views.PeriodView;
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
 * The period-charts job: draws every {@link PeriodChart} of a plan period from the views, as PNG and SVG
 * under {@code charts/}, each with its provenance beside it. Parameters: {@code period} and {@code position}.
 * The step's {@code output} lists the files written, one a line.
 */
@Configuration(proxyBeanMethods = false)
public class PeriodChartsJobConfiguration {

    public static final String JOB_NAME = "period-charts";

    @Bean
    Job periodChartsJob(JobRepository jobRepository, Step periodChartsStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(periodChartsStep).build();
    }

    @Bean
    Step periodChartsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          Tasklet periodChartsTasklet) {
        return new StepBuilder("periodChartsStep", jobRepository).tasklet(periodChartsTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    Tasklet periodChartsTasklet(DashboardQueries queries, OutputSettings output,
                                @Value("#{jobParameters['period']}") String periodId,
                                @Value("#{jobParameters['position']}") Long position,
                                @Value("#{jobParameters['recordedAt']}") String recordedAt) {
        return (contribution, chunkContext) -> {
            PeriodView period = queries.period(periodId).orElseThrow(() ->
                    new IllegalArgumentException("no plan period '" + periodId + "' in the ledger"));
            List<FigureView> figures = queries.figures(periodId);
            List<ItemView> items = queries.items(periodId);
            List<String> written = new ArrayList<>();
            for (PeriodChart chart : PeriodChart.values()) {
                JFreeChart drawn = chart.drawFrom(period, items, figures, position);
                Map<String, String> parameters = Map.of("period", periodId, "chart", chart.chartName());
                Path png = output.charts().resolve(chart.fileStem(periodId) + ".png");
                write(ChartImages.png(drawn), png, parameters, position, recordedAt);
                Path svg = output.charts().resolve(chart.fileStem(periodId) + ".svg");
                write(ChartImages.svg(drawn), svg, parameters, position, recordedAt);
                written.add(png.toString());
                written.add(svg.toString());
            }
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("output",
                    String.join("\n", written));
            return RepeatStatus.FINISHED;
        };
    }

    private static void write(byte[] image, Path target, Map<String, String> parameters, long position,
                              String recordedAt) throws IOException {
        Path temporary = OutputFiles.temporaryFor(target);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(image);
            }
            OutputFiles.publish(temporary, target, JOB_NAME, parameters, position, recordedAt);
        } finally {
            OutputFiles.deleteQuietly(temporary);
        }
    }
}
