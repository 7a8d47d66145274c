package org.programmeledger.analytics.register;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.DisputedValues;
import org.programmeledger.analytics.aggregation.StatedValues;
import org.programmeledger.analytics.jobs.CursorReaders;
import org.programmeledger.analytics.jobs.JobRunner;
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
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Qualifier;
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
 * The activity-register job: every activity whose date overlaps the period (retracted ones left out),
 * one line per figure recorded for it (corrections applied) or one line without figures, with its
 * organisers and its date as stated. An activity lying partly outside the period is marked
 * {@code spanning}. Parameters: {@code period} and {@code position}.
 */
@Configuration(proxyBeanMethods = false)
public class ActivityRegisterJobConfiguration {

    public static final String JOB_NAME = "activity-register";

    private static final String ACTIVITIES_SQL = """
            SELECT CASE WHEN a.date_start >= :first_day AND a.date_end <= :last_day THEN 0 ELSE 1 END AS spanning,
                   a.period_id, a.item_number, a.activity_id, a.kind, a.mode, a.title, a.organisers, a.supporters,
                   a.date_start, a.date_end, a.date_precision,
                   f.figure_id, f.metric, f.figure_value, f.value_high, f.qualifier, f.disputed, f.unit, f.side,
                   f.basis,
                   f.extent_start, f.extent_end, f.extent_precision
              FROM view_activity a
              JOIN view_period p ON p.period_id = a.period_id
              LEFT JOIN view_figure f ON f.period_id = a.period_id AND f.activity_id = a.activity_id
                                     AND f.retracted = FALSE
             WHERE a.retracted = FALSE AND a.date_start <= :last_day AND a.date_end >= :first_day
             ORDER BY a.date_start, a.date_end, p.starts_on, a.period_id, a.item_number, a.activity_id, f.figure_id
            """;

    /** A figure's value as a reader would say it; a disputed one with every value its sources give. */
    private static String statedAs(ResultSet row, DisputedValues disputes, String planPeriod, String figureId)
            throws SQLException {
        BigDecimal high = row.getBigDecimal("value_high");
        Bound bound = Bound.stated(row.getString("qualifier"),
                FigureValues.normalise(row.getBigDecimal("figure_value")),
                high == null ? null : FigureValues.normalise(high));
        return row.getBoolean("disputed")
                ? "disputed: " + new StatedValues.Stated(bound, disputes.of(planPeriod, figureId), null, false).phrase()
                : bound.phrase();
    }

    public static String fileName(String period) {
        return JOB_NAME + "-" + period + ".csv";
    }

    @Bean
    Job activityRegisterJob(JobRepository jobRepository, Step activityRegisterStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] {"period", "position"}, JobRunner.optional()))
                .start(activityRegisterStep).build();
    }

    @Bean
    Step activityRegisterStep(StepPolicies policies, JdbcCursorItemReader<RegisterLine> activityRegisterReader,
                              CsvItemWriter<RegisterLine> activityRegisterWriter) {
        return policies.step("activityRegisterStep", activityRegisterReader, activityRegisterWriter);
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<RegisterLine> activityRegisterReader(DataSource dataSource, ReportingPeriods periods,
                                                              DisputedValues disputes,
                                                              @Value("#{jobParameters['period']}") String period) {
        ReportingPeriod bounds = periods.require(period);
        PeriodBounds query = PeriodBounds.of(ACTIVITIES_SQL, bounds);
        return CursorReaders.<RegisterLine>streaming("activityRegister", dataSource)
                .sql(query.sql())
                .preparedStatementSetter(query.days())
                .rowMapper(ReadableRows.naming("activity_id", (row, n) -> {
                    String figureId = row.getString("figure_id");
                    boolean disputed = figureId != null && row.getBoolean("disputed");
                    RegisterLine.Figure figure = figureId == null ? null : new RegisterLine.Figure(figureId,
                            row.getString("metric"), disputed ? null
                            : FigureValues.normalise(row.getBigDecimal("figure_value")),
                            disputed ? "disputed" : Qualifier.valueOf(row.getString("qualifier")).code(),
                            statedAs(row, disputes, row.getString("period_id"), figureId), row.getString("unit"),
                            Side.valueOf(row.getString("side")), Basis.valueOf(row.getString("basis")),
                            extent(row.getObject("extent_start", LocalDate.class),
                                    row.getObject("extent_end", LocalDate.class), row.getString("extent_precision")));
                    return new RegisterLine(bounds, row.getInt("spanning") == 1, row.getString("period_id"),
                            row.getInt("item_number"), row.getString("activity_id"),
                            ActivityKind.valueOf(row.getString("kind")), ActivityMode.valueOf(row.getString("mode")),
                            row.getString("title"), row.getString("organisers"), row.getString("supporters"),
                            extent(row.getObject("date_start", LocalDate.class),
                                    row.getObject("date_end", LocalDate.class), row.getString("date_precision")),
                            figure);
                }))
                .saveState(false)
                .build();
    }

    private static Extent extent(LocalDate start, LocalDate end, String precision) {
        return new Extent(start, end, DatePrecision.valueOf(precision.toUpperCase(Locale.ROOT)));
    }

    @Bean
    @StepScope
    CsvItemWriter<RegisterLine> activityRegisterWriter(OutputSettings output,
                                                       @Value("#{jobParameters['period']}") String period,
                                                       @Value("#{jobParameters['position']}") Long position,
                                                       @Value("#{jobParameters['recordedAt']}") String recordedAt) {
        return new CsvItemWriter<>(output.csv().resolve(fileName(period)), RegisterLine.HEADER, RegisterLine::cells,
                JOB_NAME, Map.of("period", period), position, recordedAt);
    }
}
