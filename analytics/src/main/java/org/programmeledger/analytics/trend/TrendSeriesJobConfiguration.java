package org.programmeledger.analytics.trend;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.analytics.aggregation.DisputedValues;
import org.programmeledger.analytics.aggregation.FigureSums;
import org.programmeledger.analytics.aggregation.IncludingFigures;
import org.programmeledger.analytics.aggregation.LinePart;
import org.programmeledger.analytics.jobs.CursorReaders;
import org.programmeledger.analytics.jobs.ViewsDialect;
import org.programmeledger.analytics.jobs.JobRunner;
import org.programmeledger.analytics.jobs.ReadableRows;
import org.programmeledger.analytics.jobs.StepPolicies;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.programmeledger.analytics.metric.MetricParameterValidator;
import org.programmeledger.analytics.output.CsvItemWriter;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.period.NamedQuery;
import org.programmeledger.ledger.api.Basis;
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
 * figures are totalled per bucket (year, half-year or quarter) with a running total, their bounds kept; a figure
 * spanning several buckets is listed apart, whole; figures of a metric never added (cumulative, level, ratio,
 * distinct) are listed as the points they record. Nothing is interpolated or split. Each line names its side,
 * its unit and the metric's other units. Parameters: {@code metric}, {@code bucket} (year, half, quarter; default year),
 * {@code from} (a year or a day; figures ending before it are left out, optional) and {@code position}.
 */
@Configuration(proxyBeanMethods = false)
public class TrendSeriesJobConfiguration {

    public static final String JOB_NAME = "trend-series";

    /**
     * The metric's figures from the series' start, each either counted in its bucket's total by the database or
     * read on its own ({@link LinePart}), listed as {@link TrendLineReader} turns them into lines: ordered by
     * series (flows first, then by unit and side) and by extent end, a bucket where its first figure is (so that
     * a figure spanning buckets follows the bucket it is met in), the bucket's own figures after its total.
     * The figures are grouped first; a bucket's place and basis come from its groups, a window over the few
     * grouped rows rather than over every figure. A bucket ends where its first figure ends, and a figure in no
     * bucket ending that day starts before the bucket does, so it comes first ({@code in_bucket}). A bucket's
     * basis is its first figure's: the same for all its figures but where they differ, looked up then.
     */
    static String figuresSql(Bucket buckets, ViewsDialect dialect) {
        // Each figure's bucket is worked out once, in a subquery the database must not merge into the one around it
        // (OFFSET 0 ROWS): merged, its date arithmetic ran again in every CASE that names the bucket, most of the
        // query's time (BENCHMARKS.md, round 13).
        String keyed = "SELECT f.period_id, f.figure_id, f.basis, f.aggregation, f.figure_value, f.value_high, "
                + "f.qualifier, f.unit, f.side, f.part_of, f.disputed, f.extent_start, f.extent_end, f.metric, "
                + "CASE WHEN f.aggregation = 'sum' THEN 0 ELSE 1 END AS series_order, "
                + "CASE WHEN " + inside("f", buckets, dialect) + " THEN " + key("f.extent_start", buckets, dialect)
                + " END AS bucket "
                + "FROM view_figure f WHERE f.metric = :metric AND f.retracted = FALSE AND f.extent_end >= :series_start "
                + "OFFSET 0 ROWS";
        String counted = "k.bucket IS NOT NULL AND k.disputed = FALSE AND " + FigureSums.known("k")
                + " AND (CASE WHEN k.part_of IS NULL THEN 0 WHEN EXISTS (SELECT 1 " + IncludingFigures.of("k")
                + " AND w.side = k.side AND "
                + inside("w", buckets, dialect)
                + " AND " + key("w.extent_start", buckets, dialect) + " = k.bucket) THEN 1 ELSE 0 END) = 0";
        String figures = "SELECT k.period_id, k.figure_id, k.basis, k.aggregation, k.figure_value, k.value_high, "
                + "k.qualifier, k.unit, k.side, k.part_of, k.disputed, k.extent_start, k.extent_end, k.series_order, "
                + "k.bucket, "
                + "CASE WHEN " + counted + " THEN NULL ELSE k.figure_id END AS single_id, "
                + "CASE WHEN " + counted + " THEN NULL ELSE k.period_id END AS single_period "
                + "FROM (" + keyed + ") k";
        String grouped = "SELECT series_order, unit, side, bucket, single_id, single_period, "
                + "MAX(aggregation) AS aggregation, MIN(p.basis) AS least_basis, MAX(p.basis) AS most_basis, "
                + "MIN(p.extent_end) AS first_end, "
                + LinePart.columns(dialect.orderedList("p.figure_id",
                        "p.extent_end, p.extent_start, p.period_id, p.figure_id"), dialect::minScale)
                + " FROM (" + figures + ") p GROUP BY series_order, unit, side, bucket, single_id, single_period";
        String firstBasis = "SELECT b.basis FROM view_figure b WHERE b.metric = :metric AND b.retracted = FALSE "
                + "AND b.unit = g.unit AND b.side = g.side AND " + inside("b", buckets, dialect) + " AND "
                + key("b.extent_start", buckets, dialect) + " = g.bucket "
                + "ORDER BY b.extent_end, b.extent_start, b.period_id, b.figure_id FETCH FIRST 1 ROWS ONLY";
        String placed = "SELECT g.*, CASE WHEN bucket IS NULL THEN 0 ELSE 1 END AS in_bucket, "
                + "CASE WHEN bucket IS NULL THEN first_end ELSE MIN(first_end) OVER (PARTITION BY unit, side, bucket) "
                + "END AS head_end, CASE WHEN bucket IS NULL THEN least_basis "
                + "WHEN MIN(least_basis) OVER (PARTITION BY unit, side, bucket) "
                + "= MAX(most_basis) OVER (PARTITION BY unit, side, bucket) THEN least_basis "
                + "ELSE (" + firstBasis + ") END AS basis FROM (" + grouped + ") g";
        return "SELECT series_order, unit, side, bucket, single_id, single_period, basis, aggregation, single, "
                + "extent_start, extent_end, figure_id, figure_value, value_high, qualifier, part_of, disputed, "
                + FigureSums.names() + " FROM (" + placed + ") h ORDER BY series_order, unit, side, head_end, "
                + "in_bucket, single, first_end, extent_start, single_period, single_id";
    }

    /** Whether a figure is added up in a bucket: a flow whose extent lies inside one, from the series' start. */
    private static String inside(String figure, Bucket buckets, ViewsDialect dialect) {
        return figure + ".aggregation = 'sum' AND " + figure + ".extent_start >= :series_start AND "
                + key(figure + ".extent_start", buckets, dialect) + " = " + key(figure + ".extent_end", buckets, dialect);
    }

    /** The bucket a day falls in, as a number: its first month counted from year 0. */
    private static String key(String day, Bucket buckets, ViewsDialect dialect) {
        int months = buckets.months();
        return "(" + dialect.year(day) + " * 12 + (" + dialect.month(day) + " - 1) / " + months + " * " + months + ")";
    }

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
                JobRunner.optional("bucket", "from")), MetricParameterValidator.anyMetric(metrics),
                new SeriesParameterValidator()));
        return new JobBuilder(JOB_NAME, jobRepository).validator(validator).start(trendSeriesStep).build();
    }

    @Bean
    Step trendSeriesStep(StepPolicies policies, TrendLineReader trendSeriesReader,
                         CsvItemWriter<TrendLine> trendSeriesWriter) {
        return policies.step("trendSeriesStep", trendSeriesReader, trendSeriesWriter);
    }

    @Bean
    @StepScope
    TrendLineReader trendSeriesReader(DataSource dataSource, JdbcTemplate jdbc, DisputedValues disputes,
                                      ViewsDialect dialect, @Value("#{jobParameters['metric']}") String metric,
                                      @Value("#{jobParameters['bucket'] ?: 'year'}") String bucket,
                                      @Value("#{jobParameters['from']}") String from) {
        Bucket buckets = Bucket.fromCode(bucket);
        LocalDate start = seriesStart(from);
        NamedQuery query = NamedQuery.of(figuresSql(buckets, dialect), Map.of("metric", metric, "series_start",
                start));
        LinePart.Reader parts = new LinePart.Reader(disputes);
        // By position in figuresSql's select list: a lookup by label per column and row cost more than the reading.
        JdbcCursorItemReader<TrendRow> figures = CursorReaders.<TrendRow>streaming("trendSeriesFigures", dataSource)
                .sql(query.sql())
                .preparedStatementSetter(query.values())
                .rowMapper(ReadableRows.naming("figure_id", (row, n) -> {
                    LinePart part = parts.of(row);
                    return new TrendRow(row.getObject(4) == null ? null : buckets.of(part.extentStart()),
                            Basis.valueOf(row.getString(7)), Aggregation.fromCode(row.getString(8)), row.getString(2),
                            Side.valueOf(row.getString(3)), part);
                }))
                .saveState(false)
                .build();
        List<String> units = jdbc.queryForList(UNITS_SQL, String.class, metric, start);
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
