package org.programmeledger.analytics.summary;

import java.util.Map;
import javax.sql.DataSource;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.analytics.aggregation.DisputedValues;
import org.programmeledger.analytics.aggregation.FigureSums;
import org.programmeledger.analytics.aggregation.LinePart;
import org.programmeledger.analytics.jobs.CursorReaders;
import org.programmeledger.analytics.jobs.GroupingItemReader;
import org.programmeledger.analytics.jobs.OrderedLists;
import org.programmeledger.analytics.jobs.ReadableRows;
import org.programmeledger.analytics.jobs.StepPolicies;
import org.programmeledger.analytics.output.CsvItemWriter;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.period.PeriodBounds;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.programmeledger.analytics.period.ReportingPeriods;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.Basis;
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

    private static final String WITHIN = "f.extent_start >= :first_day AND f.extent_end <= :last_day";
    private static final String OVERLAPPING = "f.retracted = FALSE AND f.extent_start <= :last_day "
            + "AND f.extent_end >= :first_day";

    /**
     * Whether a figure is part of another that is on the same line (its whole, inside the period, of the same
     * metric, unit, basis and aggregation, under the same heading): counting it too would count it twice.
     */
    private static String partOfAnother(String sameHeading) {
        return "CASE WHEN f.part_of IS NULL THEN 0 WHEN EXISTS (SELECT 1 FROM view_figure w "
                + "WHERE w.period_id = f.period_id AND w.figure_id = f.part_of AND w.retracted = FALSE "
                + "AND w.extent_start >= :first_day AND w.extent_end <= :last_day AND w.metric = f.metric "
                + "AND w.unit = f.unit AND w.basis = f.basis AND w.aggregation = f.aggregation AND " + sameHeading
                + ") THEN 1 ELSE 0 END";
    }

    /**
     * The figures overlapping the period, each placed ({@code spanning}) and either counted in its line's
     * total by the database or read on its own ({@link LinePart}).
     */
    private static String placed(String heading, String from, String sameHeading) {
        String counted = "f.aggregation = 'sum' AND " + WITHIN + " AND f.disputed = FALSE AND "
                + FigureSums.known("f") + " AND " + partOfAnother(sameHeading) + " = 0";
        return "SELECT " + heading + ", f.period_id, f.item_number, f.metric, f.unit, f.side, f.basis, "
                + "f.aggregation, f.figure_id, f.figure_value, f.value_high, f.qualifier, f.part_of, f.disputed, "
                + "f.extent_start, f.extent_end, CASE WHEN " + WITHIN + " THEN 0 ELSE 1 END AS spanning, "
                + "CASE WHEN " + counted + " THEN NULL ELSE f.figure_id END AS single_id, "
                + "CASE WHEN " + counted + " THEN NULL ELSE f.period_id END AS single_period "
                + from + " WHERE " + OVERLAPPING;
    }

    private static String grouped(OrderedLists lists) {
        return LinePart.columns(lists.of("p.figure_id", "p.figure_id, p.period_id"));
    }

    /** A fact of the plan period or the programme (no item) is summarised like an item's, under no item. */
    static String figuresSql(OrderedLists lists) {
        return "SELECT spanning, period_id, item_number, MAX(title) AS title, metric, unit, side, basis, "
                + "aggregation, single_id, single_period, " + grouped(lists) + " FROM ("
                + placed("COALESCE(i.title, '') AS title", "FROM view_figure f LEFT JOIN view_item i "
                        + "ON i.period_id = f.period_id AND i.item_number = f.item_number",
                        "COALESCE(w.item_number, 0) = COALESCE(f.item_number, 0) AND w.side = f.side")
                + ") p GROUP BY spanning, period_id, item_number, metric, unit, side, basis, aggregation, single_id, "
                + "single_period ORDER BY spanning, period_id, COALESCE(item_number, 0), metric, unit, side, basis, "
                + "aggregation, single, single_id";
    }

    /**
     * A figure counts under its item's area, under every lead organisation of its item (none stated for a fact
     * of no item, or an item that names none) and under its side.
     */
    static String breakdownSql(OrderedLists lists) {
        String area = "COALESCE((SELECT wi.area FROM view_item wi WHERE wi.period_id = w.period_id "
                + "AND wi.item_number = w.item_number), '') = COALESCE(i.area, '')";
        String leads = "FROM view_item_lead_organisation wl WHERE wl.period_id = w.period_id "
                + "AND wl.item_number = w.item_number";
        String organisation = "(EXISTS (SELECT 1 " + leads + " AND wl.organisation_id = l.organisation_id) "
                + "OR (l.organisation_id IS NULL AND NOT EXISTS (SELECT 1 " + leads + ")))";
        return String.join(" UNION ALL ",
                        breakdown(lists, placed("'area' AS dimension, COALESCE(i.area, '') AS heading",
                                "FROM view_figure f LEFT JOIN view_item i ON i.period_id = f.period_id "
                                        + "AND i.item_number = f.item_number", area)),
                        breakdown(lists, placed("'organisation' AS dimension, "
                                        + "COALESCE(l.organisation_id, '(none stated)') AS heading",
                                "FROM view_figure f LEFT JOIN view_item_lead_organisation l "
                                        + "ON l.period_id = f.period_id AND l.item_number = f.item_number",
                                organisation)),
                        breakdown(lists, placed("'side' AS dimension, f.side AS heading", "FROM view_figure f",
                                "w.side = f.side")))
                + " ORDER BY dimension, heading, spanning, metric, unit, basis, aggregation, single, single_id, "
                + "single_period";
    }

    private static String breakdown(OrderedLists lists, String placed) {
        return "SELECT dimension, heading, spanning, metric, unit, basis, aggregation, single_id, single_period, "
                + grouped(lists) + " FROM (" + placed + ") p GROUP BY dimension, heading, spanning, metric, unit, "
                + "basis, aggregation, single_id, single_period";
    }

    private static final String ACTIVITIES_SQL = """
            SELECT spanning, kind, mode, COUNT(*) AS activities
              FROM (SELECT CASE WHEN a.date_start >= :first_day AND a.date_end <= :last_day THEN 0 ELSE 1 END
                           AS spanning, a.kind, a.mode
                      FROM view_activity a
                     WHERE a.retracted = FALSE AND a.date_start <= :last_day AND a.date_end >= :first_day) placed
             GROUP BY spanning, kind, mode
             ORDER BY spanning, kind, mode
            """;

    /** An item's activities inside the period and reaching beyond it, counted in one GROUP BY. */
    private static final String ITEMS_SQL = """
            SELECT i.period_id, i.item_number, i.title, i.area, i.lead, i.new_in_period, i.status,
                   COALESCE(a.within_count, 0) AS within_count, COALESCE(a.spanning_count, 0) AS spanning_count
              FROM view_item i
              JOIN view_period p ON p.period_id = i.period_id
              LEFT JOIN (SELECT period_id, item_number,
                                SUM(CASE WHEN date_start >= :first_day AND date_end <= :last_day THEN 1 ELSE 0 END)
                                    AS within_count,
                                SUM(CASE WHEN date_start >= :first_day AND date_end <= :last_day THEN 0 ELSE 1 END)
                                    AS spanning_count
                           FROM view_activity
                          WHERE retracted = FALSE AND date_start <= :last_day AND date_end >= :first_day
                          GROUP BY period_id, item_number) a
                ON a.period_id = i.period_id AND a.item_number = i.item_number
             WHERE p.starts_on <= :last_day AND p.ends_on >= :first_day
             ORDER BY p.starts_on, i.period_id, i.item_number
            """;

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
            DataSource dataSource, ReportingPeriods periods, DisputedValues disputes, OrderedLists lists,
            @Value("#{jobParameters['period']}") String period) {
        ReportingPeriod bounds = periods.require(period);
        PeriodBounds query = PeriodBounds.of(figuresSql(lists), bounds);
        LinePart.Reader parts = new LinePart.Reader(disputes);
        // By position in figuresSql's select list: a lookup by label per column and row cost more than the reading.
        JdbcCursorItemReader<FigureRow> figures = CursorReaders.<FigureRow>streaming("periodSummaryFigures",
                        dataSource)
                .sql(query.sql())
                .preparedStatementSetter(query.days())
                .rowMapper(ReadableRows.naming("figure_id", (row, n) -> new FigureRow(row.getInt(1) == 1,
                        row.getString(2), row.getObject(3, Integer.class), row.getString(4), row.getString(5),
                        Side.valueOf(row.getString(7)), Basis.valueOf(row.getString(8)),
                        Aggregation.fromCode(row.getString(9)), row.getString(6), parts.of(row))))
                .saveState(false)
                .build();
        return new GroupingItemReader<>(figures, FigureRow::combinesWith, first -> SummaryLine.Group.of(bounds, first),
                SummaryLine.Group::plus);
    }

    @Bean
    @StepScope
    GroupingItemReader<BreakdownRow, BreakdownLine.Group> periodBreakdownReader(
            DataSource dataSource, ReportingPeriods periods, DisputedValues disputes, OrderedLists lists,
            @Value("#{jobParameters['period']}") String period) {
        ReportingPeriod bounds = periods.require(period);
        PeriodBounds query = PeriodBounds.of(breakdownSql(lists), bounds);
        LinePart.Reader parts = new LinePart.Reader(disputes);
        // By position in breakdownSql's select list, as the summary's rows.
        JdbcCursorItemReader<BreakdownRow> figures = CursorReaders.<BreakdownRow>streaming("periodBreakdownFigures",
                        dataSource)
                .sql(query.sql())
                .preparedStatementSetter(query.days())
                .rowMapper(ReadableRows.naming("figure_id", (row, n) -> {
                    String dimension = row.getString(1);
                    String heading = row.getString(2);
                    return new BreakdownRow(dimension, dimension.equals("side") ? Side.valueOf(heading).code()
                            : heading, row.getInt(3) == 1, row.getString(4), row.getString(5),
                            Basis.valueOf(row.getString(6)), Aggregation.fromCode(row.getString(7)), parts.of(row));
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
        return PeriodFile.SUMMARY.writer(output, parameters);
    }

    @Bean
    @StepScope
    CsvItemWriter<BreakdownLine.Group> periodBreakdownWriter(OutputSettings output,
                                                             @Value(PARAMETERS) Map<String, Object> parameters) {
        return PeriodFile.BREAKDOWN.writer(output, parameters);
    }

    @Bean
    @StepScope
    CsvItemWriter<ActivityCount> periodActivitiesWriter(OutputSettings output,
                                                        @Value(PARAMETERS) Map<String, Object> parameters) {
        return PeriodFile.ACTIVITIES.writer(output, parameters);
    }

    @Bean
    @StepScope
    CsvItemWriter<ItemLine> periodItemsWriter(OutputSettings output,
                                              @Value(PARAMETERS) Map<String, Object> parameters) {
        return PeriodFile.ITEMS.writer(output, parameters);
    }
}
