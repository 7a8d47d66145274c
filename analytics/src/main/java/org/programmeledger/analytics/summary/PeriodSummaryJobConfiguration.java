package org.programmeledger.analytics.summary;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.DisputedValues;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.analytics.jobs.CursorReaders;
import org.programmeledger.analytics.jobs.GroupingItemReader;
import org.programmeledger.analytics.jobs.ReadableRows;
import org.programmeledger.analytics.jobs.StepPolicies;
import org.programmeledger.analytics.output.CsvItemWriter;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.period.PeriodBounds;
import org.programmeledger.analytics.period.ReportingPeriod;
import org.programmeledger.analytics.period.ReportingPeriods;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Side;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.DefaultJobParametersValidator;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The period-summary job: for a period (a plan period, a calendar period or a range of days), four files.
 * <ul>
 * <li>{@code period-summary-<period>.csv}: every item's figures per metric, unit, side and basis, combined as the
 * metric's aggregation allows: flows added up with their bounds, a running total or level by its latest value
 * and earlier points, ratios and distinct counts each alone;</li>
 * <li>{@code -breakdown.csv}: the same by area of co-operation, by lead organisation and by side;</li>
 * <li>{@code -activities.csv}: how many activities of each kind and mode;</li>
 * <li>{@code -items.csv}: the items, whether new in their plan period, and their status now.</li>
 * </ul>
 * A figure or activity counts only when its time extent lies inside the period; one reaching beyond it
 * is listed apart ({@code spanning}) and never pro-rated.
 * Parameters: {@code period} and {@code position} (the ledger position of the views).
 */
@Configuration(proxyBeanMethods = false)
public class PeriodSummaryJobConfiguration {

    public static final String JOB_NAME = "period-summary";

    private static final String SPANNING = "CASE WHEN f.extent_start >= :first_day AND f.extent_end <= :last_day "
            + "THEN 0 ELSE 1 END";
    private static final String OVERLAPPING = "f.retracted = FALSE AND f.extent_start <= :last_day "
            + "AND f.extent_end >= :first_day";

    /** The columns a figure is combined by (see {@link #figure}). */
    private static final String FIGURE_COLUMNS = "f.metric, f.unit, f.basis, f.aggregation, f.figure_value, "
            + "f.value_high, f.qualifier, f.period_id, f.figure_id, f.part_of, f.disputed, f.extent_start, "
            + "f.extent_end";

    /** A fact of the plan period or the programme (no item) is summarised like an item's, under no item. */
    private static final String FIGURES_SQL = """
            SELECT %s AS spanning, f.item_number, COALESCE(i.title, '') AS title, f.side, %s
              FROM view_figure f
              LEFT JOIN view_item i ON i.period_id = f.period_id AND i.item_number = f.item_number
             WHERE %s
             ORDER BY spanning, f.period_id, COALESCE(f.item_number, 0), f.metric, f.unit, f.side, f.basis,
                      f.aggregation, f.figure_id
            """.formatted(SPANNING, FIGURE_COLUMNS, OVERLAPPING);

    /** A figure counts for every lead organisation of its item (lead is a ';'-joined list of ids). */
    private static final String BREAKDOWN_SQL = """
            SELECT 'area' AS dimension, COALESCE(i.area, '') AS heading, %1$s AS spanning, %2$s
              FROM view_figure f
              LEFT JOIN view_item i ON i.period_id = f.period_id AND i.item_number = f.item_number
             WHERE %3$s
            UNION ALL
            SELECT 'organisation', COALESCE(o.organisation_id, '(none stated)'), %1$s, %2$s
              FROM view_figure f
              LEFT JOIN view_item i ON i.period_id = f.period_id AND i.item_number = f.item_number
              LEFT JOIN view_organisation o ON ';' || i.lead || ';' LIKE '%%;' || o.organisation_id || ';%%'
             WHERE %3$s
            UNION ALL
            SELECT 'side', f.side, %1$s, %2$s
              FROM view_figure f
             WHERE %3$s
             ORDER BY dimension, heading, spanning, metric, unit, basis, aggregation, figure_id
            """.formatted(SPANNING, FIGURE_COLUMNS, OVERLAPPING);

    private static final String ACTIVITIES_SQL = """
            SELECT spanning, kind, mode, COUNT(*) AS activities
              FROM (SELECT CASE WHEN a.date_start >= :first_day AND a.date_end <= :last_day THEN 0 ELSE 1 END
                           AS spanning, a.kind, a.mode
                      FROM view_activity a
                     WHERE a.retracted = FALSE AND a.date_start <= :last_day AND a.date_end >= :first_day) placed
             GROUP BY spanning, kind, mode
             ORDER BY spanning, kind, mode
            """;

    private static final String ITEMS_SQL = """
            SELECT i.period_id, i.item_number, i.title, i.area, i.lead, i.new_in_period, i.status,
                   (SELECT COUNT(*) FROM view_activity a
                     WHERE a.period_id = i.period_id AND a.item_number = i.item_number AND a.retracted = FALSE
                       AND a.date_start >= :first_day AND a.date_end <= :last_day) AS within_count,
                   (SELECT COUNT(*) FROM view_activity a
                     WHERE a.period_id = i.period_id AND a.item_number = i.item_number AND a.retracted = FALSE
                       AND a.date_start <= :last_day AND a.date_end >= :first_day
                       AND (a.date_start < :first_day OR a.date_end > :last_day)) AS spanning_count
              FROM view_item i
              JOIN view_period p ON p.period_id = i.period_id
             WHERE p.starts_on <= :last_day AND p.ends_on >= :first_day
             ORDER BY p.starts_on, i.period_id, i.item_number
            """;

    public static String fileName(String period) {
        return JOB_NAME + "-" + period + ".csv";
    }

    /** The name of one of the job's other files: {@code breakdown}, {@code activities} or {@code items}. */
    public static String fileName(String period, String part) {
        return JOB_NAME + "-" + period + "-" + part + ".csv";
    }

    @Bean
    Job periodSummaryJob(JobRepository jobRepository, Step periodSummaryStep, Step periodBreakdownStep,
                         Step periodActivitiesStep, Step periodItemsStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] {"period", "position"}, new String[] {"recordedAt"}))
                .start(periodSummaryStep).next(periodBreakdownStep)
                .next(periodActivitiesStep).next(periodItemsStep).build();
    }

    @Bean
    Step periodSummaryStep(StepPolicies policies,
                           GroupingItemReader<FigureRow, SummaryLine.Group> periodSummaryReader,
                           CsvItemWriter<SummaryLine.Group> periodSummaryWriter) {
        return policies.step("periodSummaryStep", periodSummaryReader, periodSummaryWriter);
    }

    @Bean
    Step periodBreakdownStep(StepPolicies policies,
                             GroupingItemReader<BreakdownRow, BreakdownLine.Group> periodBreakdownReader,
                             CsvItemWriter<BreakdownLine.Group> periodBreakdownWriter) {
        return policies.step("periodBreakdownStep", periodBreakdownReader, periodBreakdownWriter);
    }

    @Bean
    Step periodActivitiesStep(StepPolicies policies, JdbcCursorItemReader<ActivityCount> periodActivitiesReader,
                              CsvItemWriter<ActivityCount> periodActivitiesWriter) {
        return policies.step("periodActivitiesStep", periodActivitiesReader, periodActivitiesWriter);
    }

    @Bean
    Step periodItemsStep(StepPolicies policies, JdbcCursorItemReader<ItemLine> periodItemsReader,
                         CsvItemWriter<ItemLine> periodItemsWriter) {
        return policies.step("periodItemsStep", periodItemsReader, periodItemsWriter);
    }

    @Bean
    @StepScope
    GroupingItemReader<FigureRow, SummaryLine.Group> periodSummaryReader(
            DataSource dataSource, ReportingPeriods periods, DisputedValues disputes,
            @Value("#{jobParameters['period']}") String period) {
        ReportingPeriod bounds = periods.require(period);
        PeriodBounds query = PeriodBounds.of(FIGURES_SQL, bounds);
        JdbcCursorItemReader<FigureRow> figures = CursorReaders.<FigureRow>streaming("periodSummaryFigures",
                        dataSource)
                .sql(query.sql())
                .preparedStatementSetter(query.days())
                .rowMapper(ReadableRows.naming("figure_id", (row, n) -> new FigureRow(row.getInt("spanning") == 1,
                        row.getString("period_id"), row.getObject("item_number", Integer.class),
                        row.getString("title"), row.getString("metric"), Side.valueOf(row.getString("side")),
                        Basis.valueOf(row.getString("basis")), Aggregation.fromCode(row.getString("aggregation")),
                        row.getString("unit"), figure(row, disputes))))
                .saveState(false)
                .build();
        return new GroupingItemReader<>(figures, FigureRow::combinesWith, first -> SummaryLine.Group.of(bounds, first),
                SummaryLine.Group::plus);
    }

    @Bean
    @StepScope
    GroupingItemReader<BreakdownRow, BreakdownLine.Group> periodBreakdownReader(
            DataSource dataSource, ReportingPeriods periods, DisputedValues disputes,
            @Value("#{jobParameters['period']}") String period) {
        ReportingPeriod bounds = periods.require(period);
        PeriodBounds query = PeriodBounds.of(BREAKDOWN_SQL, bounds);
        JdbcCursorItemReader<BreakdownRow> figures = CursorReaders.<BreakdownRow>streaming("periodBreakdownFigures",
                        dataSource)
                .sql(query.sql())
                .preparedStatementSetter(query.days())
                .rowMapper(ReadableRows.naming("figure_id", (row, n) -> {
                    String dimension = row.getString("dimension");
                    String heading = row.getString("heading");
                    return new BreakdownRow(dimension, dimension.equals("side") ? Side.valueOf(heading).code()
                            : heading, row.getInt("spanning") == 1, row.getString("metric"), row.getString("unit"),
                            Basis.valueOf(row.getString("basis")), Aggregation.fromCode(row.getString("aggregation")),
                            figure(row, disputes));
                }))
                .saveState(false)
                .build();
        return new GroupingItemReader<>(figures, BreakdownRow::combinesWith,
                first -> BreakdownLine.Group.of(bounds, first), BreakdownLine.Group::plus);
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<ActivityCount> periodActivitiesReader(DataSource dataSource, ReportingPeriods periods,
                                                               @Value("#{jobParameters['period']}") String period) {
        ReportingPeriod bounds = periods.require(period);
        PeriodBounds query = PeriodBounds.of(ACTIVITIES_SQL, bounds);
        return CursorReaders.<ActivityCount>streaming("periodActivities", dataSource)
                .sql(query.sql())
                .preparedStatementSetter(query.days())
                .rowMapper((row, n) -> new ActivityCount(bounds, row.getInt("spanning") == 1,
                        ActivityKind.valueOf(row.getString("kind")), ActivityMode.valueOf(row.getString("mode")),
                        row.getInt("activities")))
                .saveState(false)
                .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<ItemLine> periodItemsReader(DataSource dataSource, ReportingPeriods periods,
                                                     @Value("#{jobParameters['period']}") String period) {
        ReportingPeriod bounds = periods.require(period);
        PeriodBounds query = PeriodBounds.of(ITEMS_SQL, bounds);
        return CursorReaders.<ItemLine>streaming("periodItems", dataSource)
                .sql(query.sql())
                .preparedStatementSetter(query.days())
                .rowMapper((row, n) -> new ItemLine(bounds, row.getString("period_id"), row.getInt("item_number"),
                        row.getString("title"), row.getString("area"), row.getString("lead"),
                        row.getBoolean("new_in_period"), row.getString("status"), row.getInt("within_count"),
                        row.getInt("spanning_count")))
                .saveState(false)
                .build();
    }

    /** The job's parameters, as every writer names its file and provenance from them. */
    private static final String PARAMETERS = "#{jobParameters}";

    @Bean
    @StepScope
    CsvItemWriter<SummaryLine.Group> periodSummaryWriter(OutputSettings output,
                                                         @Value(PARAMETERS) Map<String, Object> parameters) {
        return writer(output, parameters, null, SummaryLine.HEADER,
                group -> group.lines().stream().map(SummaryLine::cells).toList());
    }

    @Bean
    @StepScope
    CsvItemWriter<BreakdownLine.Group> periodBreakdownWriter(OutputSettings output,
                                                             @Value(PARAMETERS) Map<String, Object> parameters) {
        return writer(output, parameters, "breakdown", BreakdownLine.HEADER,
                group -> group.lines().stream().map(BreakdownLine::cells).toList());
    }

    @Bean
    @StepScope
    CsvItemWriter<ActivityCount> periodActivitiesWriter(OutputSettings output,
                                                        @Value(PARAMETERS) Map<String, Object> parameters) {
        return writer(output, parameters, "activities", ActivityCount.HEADER, count -> List.of(count.cells()));
    }

    @Bean
    @StepScope
    CsvItemWriter<ItemLine> periodItemsWriter(OutputSettings output,
                                              @Value(PARAMETERS) Map<String, Object> parameters) {
        return writer(output, parameters, "items", ItemLine.HEADER, item -> List.of(item.cells()));
    }

    /**
     * @param part the file's part ({@code breakdown}, …), or null for the summary itself
     * @param rows the rows an item makes
     */
    private static <T> CsvItemWriter<T> writer(OutputSettings output, Map<String, Object> parameters, String part,
                                               List<String> header, Function<T, List<List<Object>>> rows) {
        String period = (String) parameters.get("period");
        return CsvItemWriter.rowsOf(output.csv().resolve(part == null ? fileName(period) : fileName(period, part)),
                header, rows, JOB_NAME, Map.of("period", period), (Long) parameters.get("position"),
                (String) parameters.get("recordedAt"));
    }

    /** A figure as stated, read from the {@link #FIGURE_COLUMNS}; a disputed one with all its values. */
    private static StatedFigure figure(ResultSet row, DisputedValues disputes) throws SQLException {
        BigDecimal high = row.getBigDecimal("value_high");
        String planPeriod = row.getString("period_id");
        String figureId = row.getString("figure_id");
        return new StatedFigure(planPeriod, figureId, Bound.stated(row.getString("qualifier"),
                FigureValues.normalise(row.getBigDecimal("figure_value")), high == null ? null
                        : FigureValues.normalise(high)), row.getObject("extent_start", LocalDate.class),
                row.getObject("extent_end", LocalDate.class), row.getString("part_of"),
                row.getBoolean("disputed") ? disputes.of(planPeriod, figureId) : List.of());
    }

}
