package org.programmeledger.analytics.summary;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.programmeledger.analytics.output.CsvItemWriter;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.analytics.period.ReportingPeriods;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.database.JdbcCursorItemReader;
import org.springframework.batch.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The period-summary job: for a period, the total of every item's figures per metric, unit, side and
 * basis, with the combined qualifier; figures whose extent reaches beyond the period are listed apart.
 * Parameters: {@code period} (a plan period id) and {@code position} (the ledger position of the views).
 */
@Configuration(proxyBeanMethods = false)
public class PeriodSummaryJobConfiguration {

    public static final String JOB_NAME = "period-summary";

    private static final String FIGURES_SQL = """
            SELECT CASE WHEN f.extent_start >= ? AND f.extent_end <= ? THEN 0 ELSE 1 END AS spanning,
                   f.period_id, f.item_number, i.title, f.figure_id, f.metric, f.side, f.basis, f.figure_value,
                   f.qualifier, f.unit, f.extent_start, f.extent_end
              FROM view_figure f
              JOIN view_item i ON i.period_id = f.period_id AND i.item_number = f.item_number
             WHERE f.retracted = FALSE AND f.extent_start <= ? AND f.extent_end >= ?
             ORDER BY spanning, f.period_id, f.item_number, f.metric, f.unit, f.side, f.basis, f.figure_id
            """;

    public static String fileName(String period) {
        return JOB_NAME + "-" + period + ".csv";
    }

    @Bean
    Job periodSummaryJob(JobRepository jobRepository, Step periodSummaryStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(periodSummaryStep).build();
    }

    @Bean
    Step periodSummaryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           SummaryLineReader periodSummaryReader, CsvItemWriter<SummaryLine> periodSummaryWriter) {
        return new StepBuilder("periodSummaryStep", jobRepository)
                .<SummaryLine, SummaryLine>chunk(200, transactionManager)
                .reader(periodSummaryReader)
                .writer(periodSummaryWriter)
                .build();
    }

    @Bean
    @StepScope
    SummaryLineReader periodSummaryReader(DataSource dataSource, ReportingPeriods periods,
                                          @Value("#{jobParameters['period']}") String period) {
        ReportingPeriod bounds = periods.require(period);
        JdbcCursorItemReader<FigureRow> figures = new JdbcCursorItemReaderBuilder<FigureRow>()
                .name("periodSummaryFigures")
                .dataSource(dataSource)
                .sql(FIGURES_SQL)
                .preparedStatementSetter(statement -> {
                    statement.setDate(1, Date.valueOf(bounds.from()));
                    statement.setDate(2, Date.valueOf(bounds.to()));
                    statement.setDate(3, Date.valueOf(bounds.to()));
                    statement.setDate(4, Date.valueOf(bounds.from()));
                })
                .rowMapper((row, n) -> new FigureRow(row.getInt("spanning") == 1, row.getString("period_id"),
                        row.getInt("item_number"), row.getString("title"), row.getString("figure_id"),
                        row.getString("metric"), Side.valueOf(row.getString("side")),
                        Basis.valueOf(row.getString("basis")), FigureValues.normalise(row.getBigDecimal("figure_value")),
                        Qualifier.valueOf(row.getString("qualifier")), row.getString("unit"),
                        row.getObject("extent_start", LocalDate.class), row.getObject("extent_end", LocalDate.class)))
                .saveState(false)
                .build();
        return new SummaryLineReader(bounds, figures);
    }

    @Bean
    @StepScope
    CsvItemWriter<SummaryLine> periodSummaryWriter(OutputSettings output,
                                                   @Value("#{jobParameters['period']}") String period,
                                                   @Value("#{jobParameters['position']}") Long position,
                                                   @Value("#{jobParameters['recordedAt']}") String recordedAt) {
        return new CsvItemWriter<>(output.csv().resolve(fileName(period)), SummaryLine.HEADER, SummaryLine::cells,
                JOB_NAME, Map.of("period", period), position, recordedAt);
    }
}
