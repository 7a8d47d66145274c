package org.programmeledger.analytics.summary;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.programmeledger.analytics.aggregation.DisputedValues;
import org.programmeledger.analytics.jobs.CursorReaders;
import org.programmeledger.analytics.jobs.GroupingItemReader;
import org.programmeledger.analytics.jobs.JobRunner;
import org.programmeledger.analytics.jobs.ReadableRows;
import org.programmeledger.analytics.jobs.StepPolicies;
import org.programmeledger.analytics.jobs.UnreadableRowException;
import org.programmeledger.analytics.output.CsvItemWriter;
import org.programmeledger.analytics.output.OutputSettings;
import org.programmeledger.analytics.period.PeriodBounds;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.programmeledger.analytics.period.ReportingPeriods;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
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

    static final String WITHIN = "f.extent_start >= :first_day AND f.extent_end <= :last_day";
    private static final String OVERLAPPING = "f.retracted = FALSE AND f.extent_start <= :last_day "
            + "AND f.extent_end >= :first_day";

    /**
     * Every figure overlapping the period once, in the summary's order: by placement, plan period, item, metric,
     * unit, side, basis and aggregation, then figure id, so that a line's figures come together in the order their
     * ids are listed and are added up in Java (most lines hold one figure: a GROUP BY cost the database a sort and
     * an aggregate of every figure for nothing).
     */
    static final String FIGURES_SQL = "SELECT " + PeriodFigure.COLUMNS + ", " + PeriodFigure.includedOnLine(
            " AND COALESCE(w.item_number, 0) = COALESCE(f.item_number, 0) AND w.side = f.side")
            + ", COALESCE(i.title, '') AS title FROM view_figure f LEFT JOIN view_item i ON i.period_id = f.period_id "
            + "AND i.item_number = f.item_number WHERE " + OVERLAPPING
            + " ORDER BY spanning, f.period_id, COALESCE(f.item_number, 0), f.metric, f.unit, f.side, f.basis, "
            + "f.aggregation, f.figure_id";

    /** After the heading, the breakdown's order: a line's figures come together, in the order of their ids. */
    private static final String BREAKDOWN_ORDER = ", spanning, f.metric, f.unit, f.basis, f.aggregation, "
            + "f.figure_id, f.period_id";

    private static final String AREA = "COALESCE(i.area, '')";

    /** Every figure overlapping the period under its item's area. */
    private static final String BREAKDOWN_BY_AREA_SQL = "SELECT " + PeriodFigure.COLUMNS + ", "
            + PeriodFigure.includedOnLine(" AND COALESCE((SELECT wi.area FROM view_item wi WHERE wi.period_id = "
                    + "w.period_id AND wi.item_number = w.item_number), '') = " + AREA) + ", " + AREA + " AS area "
            + "FROM view_figure f LEFT JOIN view_item i ON i.period_id = f.period_id AND i.item_number = f.item_number "
            + "WHERE " + OVERLAPPING + " ORDER BY " + AREA + BREAKDOWN_ORDER;

    private static final String WHOLES_LEADS = "FROM view_item_lead_organisation wl WHERE wl.period_id = w.period_id "
            + "AND wl.item_number = w.item_number";
    private static final String ORGANISATION = "COALESCE(l.organisation_id, '" + BreakdownReader.NONE_STATED + "')";

    /**
     * Every figure overlapping the period once per lead organisation of its item (once, under none stated, when it
     * names none).
     */
    private static final String BREAKDOWN_BY_ORGANISATION_SQL = "SELECT " + PeriodFigure.COLUMNS + ", "
            + PeriodFigure.includedOnLine(" AND ((l.organisation_id IS NULL AND NOT EXISTS (SELECT 1 " + WHOLES_LEADS
                    + ")) OR EXISTS (SELECT 1 " + WHOLES_LEADS + " AND wl.organisation_id = l.organisation_id))")
            + ", " + ORGANISATION + " AS organisation FROM view_figure f LEFT JOIN view_item_lead_organisation l "
            + "ON l.period_id = f.period_id AND l.item_number = f.item_number WHERE " + OVERLAPPING
            + " ORDER BY " + ORGANISATION + BREAKDOWN_ORDER;

    /** Every figure overlapping the period under its side, ordered by the side's name as stored. */
    private static final String BREAKDOWN_BY_SIDE_SQL = "SELECT " + PeriodFigure.COLUMNS + ", "
            + PeriodFigure.includedOnLine(" AND w.side = f.side") + " FROM view_figure f WHERE " + OVERLAPPING
            + " ORDER BY f.side" + BREAKDOWN_ORDER;

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
                .validator(new DefaultJobParametersValidator(new String[] {"period", "position"}, JobRunner.optional()))
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
    Step periodBreakdownStep(StepPolicies policies, BreakdownReader periodBreakdownReader,
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
        // By position in the select list: a lookup by label per column and row cost more than the reading.
        JdbcCursorItemReader<FigureRow> figures = CursorReaders.<FigureRow>streaming("periodSummaryFigures",
                        dataSource)
                .sql(query.sql())
                .preparedStatementSetter(query.days())
                .rowMapper(ReadableRows.naming("figure_id", (row, n) -> new FigureRow(PeriodFigure.read(row, disputes),
                        row.getString(PeriodFigure.COLUMN_COUNT + 1))))
                .saveState(false)
                .build();
        return new GroupingItemReader<>(figures, FigureRow::combinesWith, first -> SummaryLine.Group.of(bounds, first),
                SummaryLine.Group::plus);
    }

    @Bean
    @StepScope
    BreakdownReader periodBreakdownReader(DataSource dataSource, ReportingPeriods periods, DisputedValues disputes,
                                          @Value("#{jobParameters['period']}") String period) {
        ReportingPeriod bounds = periods.require(period);
        int heading = PeriodFigure.COLUMN_COUNT + 1;
        return new BreakdownReader(List.of(
                headedFigures("periodBreakdownByArea", BREAKDOWN_BY_AREA_SQL, bounds, dataSource, disputes,
                        (figure, row) -> new HeadedFigure(figure, null, row.getString(heading))),
                headedFigures("periodBreakdownByOrganisation", BREAKDOWN_BY_ORGANISATION_SQL, bounds, dataSource,
                        disputes, (figure, row) -> new HeadedFigure(figure, null, row.getString(heading))),
                headedFigures("periodBreakdownBySide", BREAKDOWN_BY_SIDE_SQL, bounds, dataSource, disputes,
                        (figure, row) -> new HeadedFigure(figure, null, figure.side.code()))), bounds);
    }

    /** One of the breakdown's reads; a figure it cannot read is handed on as such, for the reader to skip. */
    private static JdbcCursorItemReader<HeadedFigure> headedFigures(String name, String sql, ReportingPeriod bounds,
                                                                    DataSource dataSource, DisputedValues disputes,
                                                                    HeadedFigure.Heading heading) {
        PeriodBounds query = PeriodBounds.of(sql, bounds);
        return CursorReaders.<HeadedFigure>streaming(name, dataSource)
                .sql(query.sql())
                .preparedStatementSetter(query.days())
                .rowMapper((row, n) -> {
                    PeriodFigure figure;
                    try {
                        figure = PeriodFigure.read(row, disputes);
                    } catch (IllegalArgumentException e) {
                        return HeadedFigure.unreadable(new UnreadableRowException("figure_id " + row.getString(9), e));
                    }
                    return heading.of(figure, row);
                })
                .saveState(false)
                .build();
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
