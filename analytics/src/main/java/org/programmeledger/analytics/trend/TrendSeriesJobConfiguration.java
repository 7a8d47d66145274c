package org.programmeledger.analytics.trend;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.programmeledger.analytics.jobs.CursorReaders;
import org.programmeledger.analytics.jobs.ReadableRows;
import org.programmeledger.analytics.jobs.StepPolicies;
import org.programmeledger.analytics.metric.KnownMetrics;
import org.programmeledger.analytics.metric.MetricParameterValidator;
import org.programmeledger.analytics.output.CsvItemWriter;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.CompositeJobParametersValidator;
import org.springframework.batch.core.job.DefaultJobParametersValidator;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The trend-series job: one metric over time, one series per side and unit (never added to each other). Flow
 * figures are totalled per bucket (year, half-year or quarter) with a running total; a figure spanning several
 * buckets is listed apart, whole; cumulative figures are listed as the points they record. Nothing is
 * interpolated or split. Each line names its side, its unit and the metric's other units. Parameters:
 * {@code metric}, {@code bucket} (year, half, quarter; default year),
 * {@code from} (a year or a day; figures ending before it are left out, optional) and {@code position}.
 */
@Configuration(proxyBeanMethods = false)
public class TrendSeriesJobConfiguration {

    public static final String JOB_NAME = "trend-series";

    private static final String FIGURES_SQL = """
            SELECT figure_id, basis, figure_value, qualifier, unit, side, extent_start, extent_end
              FROM view_figure
             WHERE metric = ? AND retracted = FALSE AND extent_end >= ?
             ORDER BY CASE WHEN basis = 'FLOW' THEN 0 ELSE 1 END, unit, side, extent_end, extent_start, period_id,
                   figure_id
            """;

    private static final String UNITS_SQL = """
            SELECT DISTINCT unit FROM view_figure
             WHERE metric = ? AND retracted = FALSE AND extent_end >= ?
             ORDER BY unit
            """;

    public static String fileName(String metric, String bucket, String from) {
        return JOB_NAME + "-" + metric + "-" + Bucket.fromCode(bucket).code()
                + (from == null || from.isBlank() ? "" : "-from-" + from) + ".csv";
    }

    /** A series' first day: {@code 2004} is 2004-01-01; nothing given is the earliest day there is. */
    static LocalDate seriesStart(String from) {
        if (from == null || from.isBlank()) {
            return LocalDate.of(1, 1, 1);
        }
        return from.length() == 4 ? LocalDate.of(Integer.parseInt(from), 1, 1) : LocalDate.parse(from);
    }

    @Bean
    Job trendSeriesJob(JobRepository jobRepository, Step trendSeriesStep, KnownMetrics metrics) {
        CompositeJobParametersValidator validator = new CompositeJobParametersValidator();
        validator.setValidators(List.of(new DefaultJobParametersValidator(new String[] {"metric", "position"},
                new String[] {"bucket", "from", "recordedAt"}), MetricParameterValidator.anyMetric(metrics)));
        return new JobBuilder(JOB_NAME, jobRepository).validator(validator).start(trendSeriesStep).build();
    }

    @Bean
    Step trendSeriesStep(StepPolicies policies, TrendLineReader trendSeriesReader,
                         CsvItemWriter<TrendLine> trendSeriesWriter) {
        return policies.step("trendSeriesStep", trendSeriesReader, trendSeriesWriter);
    }

    @Bean
    @StepScope
    TrendLineReader trendSeriesReader(DataSource dataSource, JdbcTemplate jdbc,
                                      @Value("#{jobParameters['metric']}") String metric,
                                      @Value("#{jobParameters['bucket'] ?: 'year'}") String bucket,
                                      @Value("#{jobParameters['from']}") String from) {
        Bucket buckets = Bucket.fromCode(bucket);
        LocalDate start = seriesStart(from);
        JdbcCursorItemReader<TrendRow> figures = CursorReaders.<TrendRow>streaming("trendSeriesFigures", dataSource)
                .sql(FIGURES_SQL)
                .preparedStatementSetter(statement -> {
                    statement.setString(1, metric);
                    statement.setDate(2, Date.valueOf(start));
                })
                .rowMapper(ReadableRows.naming("figure_id", (row, n) -> TrendRow.placed(buckets, start,
                        row.getString("figure_id"), Basis.valueOf(row.getString("basis")),
                        FigureValues.normalise(row.getBigDecimal("figure_value")),
                        Qualifier.valueOf(row.getString("qualifier")), row.getString("unit"),
                        Side.valueOf(row.getString("side")), row.getObject("extent_start", LocalDate.class),
                        row.getObject("extent_end", LocalDate.class))))
                .saveState(false)
                .build();
        List<String> units = jdbc.queryForList(UNITS_SQL, String.class, metric, Date.valueOf(start));
        return new TrendLineReader(metric, units, figures);
    }

    @Bean
    @StepScope
    CsvItemWriter<TrendLine> trendSeriesWriter(OutputSettings output,
                                               @Value("#{jobParameters['metric']}") String metric,
                                               @Value("#{jobParameters['bucket'] ?: 'year'}") String bucket,
                                               @Value("#{jobParameters['from']}") String from,
                                               @Value("#{jobParameters['position']}") Long position,
                                               @Value("#{jobParameters['recordedAt']}") String recordedAt) {
        Map<String, String> parameters = new TreeMap<>(Map.of("metric", metric, "bucket", bucket));
        if (from != null) {
            parameters.put("from", from);
        }
        return new CsvItemWriter<>(output.csv().resolve(fileName(metric, bucket, from)), TrendLine.HEADER,
                TrendLine::cells, JOB_NAME, parameters, position, recordedAt);
    }
}
