package org.programmeledger.analytics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.programmeledger.analytics.jobs.JobRunner;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.analyticstest.OutputFolders;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.springframework.batch.core.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * A history written for issue #18, recorded through the command bus into a real H2 store: one long plan
 * period (2003-2025) holding several running totals of one metric, flows with every kind of bound, an
 * operation inside a yearly total, a disputed figure and a ratio. Every file the jobs write is checked line by
 * line against totals worked out by hand (in the comments).
 */
@SpringBootTest(classes = AnalyticsTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregationHistoryIT {

    private static final String PERIOD = "hist-2003-2025";
    /** Every day of the plan period: the long period of issue #18, summarised once for the tests below. */
    private static final String LONG_PERIOD = "2003-01-01..2025-12-31";

    /** Made here, not by @TempDir: the context of a per-class test starts before static @TempDir fields are set. */
    private static final Path out = OutputFolders.temporary("aggregation-history");

    @DynamicPropertySource
    static void outputDirectory(DynamicPropertyRegistry registry) {
        registry.add("ledger.output.directory", () -> out.toString());
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    LedgerViews views;
    @Autowired
    JobRunner jobs;
    @Autowired
    Job periodSummaryJob;
    @Autowired
    Job trendSeriesJob;
    @Autowired
    Job activityRegisterJob;

    @BeforeAll
    void recordTheHistory() throws Exception {
        // The folder is the class's, shared with its PostgreSQL subclass: only this run's files may be read.
        FileSystemUtils.deleteRecursively(out.resolve("csv"));
        metric("projects-cumulative", "projects", Aggregation.CUMULATIVE);
        metric("items-seized", "items", Aggregation.SUM);
        metric("applications", "applications", Aggregation.SUM);
        metric("pass-rate", "percent", Aggregation.RATIO);
        metric("sessions-held", "sessions", Aggregation.CUMULATIVE);
        commands.sendAndWait(new EstablishProgramme("hist", "A programme of the test's own"));
        commands.sendAndWait(new RegisterOrganisation("hist-org", "Test Office", "TO", Side.HONG_KONG));
        commands.sendAndWait(new OpenPlanPeriod(PERIOD, "hist", "2003 - 2025", LocalDate.of(2003, 1, 1),
                LocalDate.of(2025, 12, 31)));
        item(1, "Projects");
        // The programme's own running total of its meetings: 23 by 2023, 24 by 2024 (never 47).
        for (int year : new int[] {2023, 2024}) {
            commands.sendAndWait(new RecordProgrammeFigure("hist", "s" + (year - 2000), "sessions-held",
                    BigDecimal.valueOf(year - 2000), null, "sessions", Qualifier.EXACTLY, Side.JOINT,
                    Extent.parse("2003/" + year), null, Basis.CUMULATIVE, null, "the test's minutes", null));
        }
        item(2, "Enforcement");
        item(3, "Examination");
        commands.sendAndWait(new RecordActivity(PERIOD, "3.1", 3, ActivityKind.CONTEST, "Contest 2019",
                List.of("hist-org"), List.of(), ActivityMode.UNSTATED, Extent.parse("2019"), "the test's history"));
        commands.sendAndWait(new RecordActivity(PERIOD, "3.2", 3, ActivityKind.CONTEST, "Contest 2020",
                List.of("hist-org"), List.of(), ActivityMode.UNSTATED, Extent.parse("2020"), "the test's history"));
        // "more than 150 projects by 2014", "more than 100 by 2019" (a later, vaguer source), "239 by 2020".
        figure("c1", 1, "projects-cumulative", "150", null, "projects", Qualifier.MORE_THAN, Side.JOINT,
                "2003/2014", Basis.CUMULATIVE, null);
        figure("c2", 1, "projects-cumulative", "100", null, "projects", Qualifier.MORE_THAN, Side.JOINT,
                "2003/2019", Basis.CUMULATIVE, null);
        figure("c3", 1, "projects-cumulative", "239", null, "projects", Qualifier.EXACTLY, Side.JOINT,
                "2003/2020", Basis.CUMULATIVE, null);
        // A yearly total, an operation inside it, and two later years bounded from the other side.
        figure("y2016", 2, "items-seized", "394000", null, "items", Qualifier.MORE_THAN, Side.GUANGDONG, "2016",
                Basis.FLOW, null);
        figure("op1", 2, "items-seized", "12000", null, "items", Qualifier.EXACTLY, Side.GUANGDONG, "2016-05",
                Basis.FLOW, "y2016");
        figure("s2017", 2, "items-seized", "400", null, "items", Qualifier.NEARLY, Side.GUANGDONG, "2017",
                Basis.FLOW, null);
        figure("s2018", 2, "items-seized", "50000", null, "items", Qualifier.ABOUT, Side.GUANGDONG, "2018",
                Basis.FLOW, null);
        // 902 or 1 090 applications in 2019 (two sources), between 300 and 400 in 2020, at least 50 in 2021.
        figure("a1", 3, "3.1", "applications", "902", null, "applications", Qualifier.EXACTLY, Side.HONG_KONG, "2019",
                Basis.FLOW, null);
        commands.sendAndWait(new RecordAlternativeValue(PERIOD, "a1", new BigDecimal("1090"), null,
                Qualifier.EXACTLY, "a second source's count", null));
        figure("a2", 3, "3.2", "applications", "300", "400", "applications", Qualifier.BETWEEN, Side.HONG_KONG, "2020",
                Basis.FLOW, null);
        figure("a3", 3, "applications", "50", null, "applications", Qualifier.AT_LEAST, Side.HONG_KONG, "2021",
                Basis.FLOW, null);
        figure("r1", 3, "pass-rate", "30", null, "percent", Qualifier.ABOUT, Side.HONG_KONG, "2019", Basis.FLOW,
                null);
        figure("r2", 3, "pass-rate", "25", null, "percent", Qualifier.EXACTLY, Side.HONG_KONG, "2020", Basis.FLOW,
                null);
        views.awaitHead(Duration.ofMinutes(2));
        jobs.run(periodSummaryJob, Map.of("period", LONG_PERIOD));
    }

    private void metric(String id, String unit, Aggregation aggregation) {
        commands.sendAndWait(new DefineMetric(id, id.replace('-', ' '), List.of(unit), aggregation, true, null,
                "the test's catalogue"));
    }

    private void item(int number, String title) {
        commands.sendAndWait(new RegisterItem(PERIOD, number, title, "area " + number, false, List.of("hist-org"),
                List.of(), "the test's history"));
    }

    private void figure(String id, int item, String metric, String value, String high, String unit,
                        Qualifier qualifier, Side side, String extent, Basis basis, String partOf) {
        figure(id, item, null, metric, value, high, unit, qualifier, side, extent, basis, partOf);
    }

    private void figure(String id, int item, String activity, String metric, String value, String high, String unit,
                        Qualifier qualifier, Side side, String extent, Basis basis, String partOf) {
        commands.sendAndWait(new RecordFigure(PERIOD, id, item, activity, metric, new BigDecimal(value),
                high == null ? null : new BigDecimal(high), unit, qualifier, side, Extent.parse(extent), null, basis,
                partOf, "the test's source for " + id, null));
    }

    private List<String> lines(String file) throws Exception {
        return Files.readString(out.resolve("csv").resolve(file), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aLongPeriodShowsTheLatestRunningTotalBoundsDisputesAndPartsWithoutAddingWhatMustNotBeAdded()
            throws Exception {
        String period = LONG_PERIOD;

        String head = period + ",2003-01-01,2025-12-31,within," + PERIOD + ",";
        assertThat(lines("period-summary-" + period + ".csv")).containsExactly(
                "period,period_start,period_end,placement,plan_period,item,item_title,metric,side,basis,total,"
                        + "qualifier,stated_as,unit,figures,extent_start,extent_end,figure_ids,aggregation,shows,"
                        + "total_high",
                // The programme's own facts, under no plan period's item: 24 sessions, not 47.
                period + ",2003-01-01,2025-12-31,within,hist,,,sessions-held,joint,cumulative,24,exactly,24,"
                        + "sessions,1,2003-01-01,2024-12-31,s24,cumulative,latest,",
                period + ",2003-01-01,2025-12-31,within,hist,,,sessions-held,joint,cumulative,23,exactly,23,"
                        + "sessions,1,2003-01-01,2023-12-31,s23,cumulative,earlier,",
                // Never 489: the latest running total, the earlier ones as points.
                head + "1,Projects,projects-cumulative,joint,cumulative,239,exactly,239,projects,1,2003-01-01,"
                        + "2020-12-31,c3,cumulative,latest,",
                head + "1,Projects,projects-cumulative,joint,cumulative,150,more-than,more than 150,projects,1,"
                        + "2003-01-01,2014-12-31,c1,cumulative,earlier,",
                head + "1,Projects,projects-cumulative,joint,cumulative,100,more-than,more than 100,projects,1,"
                        + "2003-01-01,2019-12-31,c2,cumulative,earlier,",
                // More than 394000 + nearly 400 + about 50000: bounded from both sides, so no total; op1 is inside
                // y2016 and not added again.
                head + "2,Enforcement,items-seized,guangdong,flow,,mixed,mixed bounds: no total,items,3,2016-01-01,"
                        + "2018-12-31,s2017;s2018;y2016,sum,sum,",
                head + "2,Enforcement,items-seized,guangdong,flow,12000,exactly,12000,items,1,2016-05-01,2016-05-31,"
                        + "op1,sum,part-of,",
                // Between 300 and 400 + at least 50 = at least 350; a1 is disputed, with both values, not added.
                head + "3,Examination,applications,hong-kong,flow,350,at-least,at least 350,applications,2,"
                        + "2020-01-01,2021-12-31,a2;a3,sum,sum,",
                head + "3,Examination,applications,hong-kong,flow,,disputed,disputed: 902 or 1090,applications,1,"
                        + "2019-01-01,2019-12-31,a1,sum,disputed,",
                head + "3,Examination,pass-rate,hong-kong,flow,30,about,about 30,percent,1,2019-01-01,2019-12-31,"
                        + "r1,ratio,single,",
                head + "3,Examination,pass-rate,hong-kong,flow,25,exactly,25,percent,1,2020-01-01,2020-12-31,"
                        + "r2,ratio,single,");
    }

    @Test
    void theBreakdownBySideCombinesAcrossItemsAsTheMetricAllows() throws Exception {
        String period = LONG_PERIOD;

        List<String> bySide = lines("period-summary-" + period + "-breakdown.csv").stream()
                .filter(line -> line.contains(",side,")).toList();
        String head = period + ",2003-01-01,2025-12-31,side,";
        assertThat(bySide).containsExactly(
                head + "guangdong,within,items-seized,flow,,mixed,mixed bounds: no total,items,3,2016-01-01,"
                        + "2018-12-31,s2017;s2018;y2016,sum,sum,",
                head + "guangdong,within,items-seized,flow,12000,exactly,12000,items,1,2016-05-01,2016-05-31,op1,"
                        + "sum,part-of,",
                head + "hong-kong,within,applications,flow,350,at-least,at least 350,applications,2,2020-01-01,"
                        + "2021-12-31,a2;a3,sum,sum,",
                head + "hong-kong,within,applications,flow,,disputed,disputed: 902 or 1090,applications,1,"
                        + "2019-01-01,2019-12-31,a1,sum,disputed,",
                head + "hong-kong,within,pass-rate,flow,30,about,about 30,percent,1,2019-01-01,2019-12-31,r1,"
                        + "ratio,single,",
                head + "hong-kong,within,pass-rate,flow,25,exactly,25,percent,1,2020-01-01,2020-12-31,r2,"
                        + "ratio,single,",
                head + "joint,within,projects-cumulative,cumulative,239,exactly,239,projects,1,2003-01-01,"
                        + "2020-12-31,c3,cumulative,latest,",
                head + "joint,within,projects-cumulative,cumulative,150,more-than,more than 150,projects,1,"
                        + "2003-01-01,2014-12-31,c1,cumulative,earlier,",
                head + "joint,within,projects-cumulative,cumulative,100,more-than,more than 100,projects,1,"
                        + "2003-01-01,2019-12-31,c2,cumulative,earlier,",
                head + "joint,within,sessions-held,cumulative,24,exactly,24,sessions,1,2003-01-01,2024-12-31,s24,"
                        + "cumulative,latest,",
                head + "joint,within,sessions-held,cumulative,23,exactly,23,sessions,1,2003-01-01,2023-12-31,s23,"
                        + "cumulative,earlier,");
    }

    @Test
    void aYearShowsARangeWithItsHighEndAndListsRunningTotalsThatBeganEarlierApart() throws Exception {
        jobs.run(periodSummaryJob, Map.of("period", "2020"));

        String head = "2020,2020-01-01,2020-12-31,";
        assertThat(lines("period-summary-2020.csv")).containsExactly(
                "period,period_start,period_end,placement,plan_period,item,item_title,metric,side,basis,total,"
                        + "qualifier,stated_as,unit,figures,extent_start,extent_end,figure_ids,aggregation,shows,"
                        + "total_high",
                head + "within," + PERIOD + ",3,Examination,applications,hong-kong,flow,300,between,"
                        + "between 300 and 400,applications,1,2020-01-01,2020-12-31,a2,sum,sum,400",
                head + "within," + PERIOD + ",3,Examination,pass-rate,hong-kong,flow,25,exactly,25,percent,1,"
                        + "2020-01-01,2020-12-31,r2,ratio,single,",
                // c2 (to 2019) ends before 2020 and c1 too; c3, s23 and s24 count from 2003, beyond the year:
                // apart, whole.
                head + "spanning,hist,,,sessions-held,joint,cumulative,23,exactly,23,sessions,1,2003-01-01,"
                        + "2023-12-31,s23,cumulative,single,",
                head + "spanning,hist,,,sessions-held,joint,cumulative,24,exactly,24,sessions,1,2003-01-01,"
                        + "2024-12-31,s24,cumulative,single,",
                head + "spanning," + PERIOD + ",1,Projects,projects-cumulative,joint,cumulative,239,exactly,239,"
                        + "projects,1,2003-01-01,2020-12-31,c3,cumulative,single,");
    }

    @Test
    void listsTheItemsOfEveryPlanPeriodOverlappingAPeriodLongerThanIt() throws Exception {
        jobs.run(periodSummaryJob, Map.of("period", "2000-01-01..2030-12-31"));

        assertThat(lines("period-summary-2000-01-01..2030-12-31-items.csv")).extracting(line -> line.split(",")[5])
                .containsExactly("item_title", "Projects", "Enforcement", "Examination");
    }

    @Test
    void theActivityRegisterSaysARangeAndADisputeAsAReaderWould() throws Exception {
        jobs.run(activityRegisterJob, Map.of("period", LONG_PERIOD));

        String head = LONG_PERIOD + ",2003-01-01,2025-12-31,within," + PERIOD + ",3,";
        assertThat(lines("activity-register-" + LONG_PERIOD + ".csv")).containsExactly(
                "period,period_start,period_end,placement,plan_period,item,activity_id,kind,mode,title,organisers,"
                        + "supporters,date,date_precision,date_start,date_end,figure_id,metric,value,qualifier,"
                        + "stated_as,unit,side,basis,figure_extent",
                head + "3.1,contest,unstated,Contest 2019,hist-org,,2019,year,2019-01-01,2019-12-31,a1,applications,"
                        + ",disputed,disputed: 902 or 1090,applications,hong-kong,flow,2019",
                head + "3.2,contest,unstated,Contest 2020,hist-org,,2020,year,2020-01-01,2020-12-31,a2,applications,"
                        + "300,between,between 300 and 400,applications,hong-kong,flow,2020");
    }

    @Test
    void theTrendKeepsBoundsInItsRunningTotalAndNeverAddsARunningTotal() throws Exception {
        jobs.run(trendSeriesJob, Map.of("metric", "items-seized"));
        jobs.run(trendSeriesJob, Map.of("metric", "projects-cumulative"));

        String header = "metric,bucket,bucket_start,bucket_end,placement,basis,total,qualifier,stated_as,unit,"
                + "side,figures,extent_start,extent_end,figure_ids,running_total,running_qualifier,running_stated_as,"
                + "aggregation,shows,total_high,running_total_high,other_units";
        assertThat(lines("trend-series-items-seized-year.csv")).containsExactly(header,
                // 2016: more than 394000 (op1 inside it); 2017 adds nearly 400: no running total from there on.
                "items-seized,2016,2016-01-01,2016-12-31,within,flow,394000,more-than,more than 394000,items,guangdong,1,"
                        + "2016-01-01,2016-12-31,y2016,394000,more-than,more than 394000,sum,sum,,,",
                "items-seized,2016,2016-01-01,2016-12-31,within,flow,12000,exactly,12000,items,guangdong,1,2016-05-01,"
                        + "2016-05-31,op1,,,,sum,part-of,,,",
                "items-seized,2017,2017-01-01,2017-12-31,within,flow,400,nearly,nearly 400,items,guangdong,1,2017-01-01,"
                        + "2017-12-31,s2017,,mixed,mixed bounds: no total,sum,sum,,,",
                "items-seized,2018,2018-01-01,2018-12-31,within,flow,50000,about,about 50000,items,guangdong,1,2018-01-01,"
                        + "2018-12-31,s2018,,mixed,mixed bounds: no total,sum,sum,,,");
        assertThat(lines("trend-series-projects-cumulative-year.csv")).containsExactly(header,
                "projects-cumulative,,,,recorded-point,cumulative,150,more-than,more than 150,projects,joint,1,"
                        + "2003-01-01,2014-12-31,c1,,,,cumulative,single,,,",
                "projects-cumulative,,,,recorded-point,cumulative,100,more-than,more than 100,projects,joint,1,"
                        + "2003-01-01,2019-12-31,c2,,,,cumulative,single,,,",
                "projects-cumulative,,,,recorded-point,cumulative,239,exactly,239,projects,joint,1,"
                        + "2003-01-01,2020-12-31,c3,,,,cumulative,single,,,");
    }
}
