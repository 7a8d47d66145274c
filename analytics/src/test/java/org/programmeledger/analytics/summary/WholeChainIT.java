package org.programmeledger.analytics.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.programmeledger.analytics.trend.TrendSeriesJobConfiguration;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.analyticstest.OutputFolders;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.springframework.batch.core.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A figure part of a figure that is part of a third: t3 (other side) is part of t2 (Macao), which is part of t1
 * (other side). t1 already includes t3, though t2 lies on another line: the jobs must not add t3 to t1 (110).
 */
@SpringBootTest(classes = AnalyticsTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeChainIT {

    private static final Path out = OutputFolders.temporary("whole-chain");

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

    @BeforeAll
    void recordTheChain() throws Exception {
        commands.sendAndWait(new DefineMetric("helpers", "Helpers", List.of("persons"), Aggregation.SUM, true, null,
                "the test's catalogue"));
        commands.sendAndWait(new RegisterOrganisation("org-a", "Org A", "OA", Side.GUANGDONG));
        commands.sendAndWait(new RegisterOrganisation("org-b", "Org B", "OB", Side.MACAO));
        commands.sendAndWait(new EstablishProgramme("chain", "A programme of nested figures"));
        commands.sendAndWait(new OpenPlanPeriod("chain-2021", "chain", "2021", LocalDate.of(2021, 1, 1),
                LocalDate.of(2021, 12, 31)));
        commands.sendAndWait(new RegisterItem("chain-2021", 1, "Item one", "area", false, List.of("org-a"), List.of(),
                "the test's history"));
        commands.sendAndWait(new RegisterItem("chain-2021", 2, "Item two", "other area", false, List.of("org-b"),
                List.of(), "the test's history"));
        commands.sendAndWait(figure("t1", 1, 100, Side.OTHER, null));
        commands.sendAndWait(figure("t2", 1, 30, Side.MACAO, "t1"));
        commands.sendAndWait(figure("t3", 1, 10, Side.OTHER, "t2"));
        commands.sendAndWait(figure("u1", 1, 200, Side.JOINT, null));
        commands.sendAndWait(figure("u2", 2, 50, Side.JOINT, "u1"));
        commands.sendAndWait(figure("u3", 1, 5, Side.JOINT, "u2"));
        views.awaitHead(Duration.ofMinutes(1));
    }

    private static RecordFigure figure(String id, int item, int value, Side side, String partOf) {
        return new RecordFigure("chain-2021", id, item, null, "helpers", BigDecimal.valueOf(value), null, "persons",
                Qualifier.EXACTLY, side, Extent.parse("2021-07"), null, Basis.FLOW, partOf, "the test's source", null);
    }

    @Test
    void theSummaryAndBreakdownCountAFigureOnceThoughTheFigureBetweenItAndItsWholesWholeLiesElsewhere()
            throws Exception {
        jobs.run(periodSummaryJob, Map.of("period", "chain-2021"));

        String prefix = "chain-2021,2021-01-01,2021-12-31,within,chain-2021,";
        String july = ",1,2021-07-01,2021-07-31,";
        assertThat(Files.readAllLines(out.resolve("csv").resolve("period-summary-chain-2021.csv"))).contains(
                prefix + "1,Item one,helpers,other,flow,100,exactly,100,persons" + july + "t1,sum,sum,",
                prefix + "1,Item one,helpers,other,flow,10,exactly,10,persons" + july + "t3,sum,part-of,",
                prefix + "1,Item one,helpers,joint,flow,200,exactly,200,persons" + july + "u1,sum,sum,",
                prefix + "1,Item one,helpers,joint,flow,5,exactly,5,persons" + july + "u3,sum,part-of,",
                prefix + "2,Item two,helpers,joint,flow,50,exactly,50,persons" + july + "u2,sum,sum,");
        String heading = "chain-2021,2021-01-01,2021-12-31,";
        assertThat(Files.readAllLines(out.resolve("csv").resolve("period-summary-chain-2021-breakdown.csv")))
                .contains(heading + "side,other,within,helpers,flow,100,exactly,100,persons" + july + "t1,sum,sum,",
                        heading + "side,other,within,helpers,flow,10,exactly,10,persons" + july + "t3,sum,part-of,",
                        heading + "area,area,within,helpers,flow,300,exactly,300,persons,2,2021-07-01,2021-07-31,"
                                + "t1;u1,sum,sum,",
                        heading + "area,area,within,helpers,flow,5,exactly,5,persons" + july + "u3,sum,part-of,",
                        heading + "organisation,org-a,within,helpers,flow,300,exactly,300,persons,2,2021-07-01,"
                                + "2021-07-31,t1;u1,sum,sum,",
                        heading + "organisation,org-a,within,helpers,flow,5,exactly,5,persons" + july
                                + "u3,sum,part-of,");
    }

    @Test
    void theTrendSeriesCountsItOnceToo() throws Exception {
        jobs.run(trendSeriesJob, Map.of("metric", "helpers", "bucket", "year"));

        String bucket = "helpers,2021,2021-01-01,2021-12-31,within,flow,";
        assertThat(Files.readAllLines(out.resolve("csv").resolve(TrendSeriesJobConfiguration.fileName("helpers",
                "year", null)))).contains(
                bucket + "100,exactly,100,persons,other,1,2021-07-01,2021-07-31,t1,100,exactly,100,sum,sum,,,",
                bucket + "10,exactly,10,persons,other,1,2021-07-01,2021-07-31,t3,,,,sum,part-of,,,",
                bucket + "200,exactly,200,persons,joint,1,2021-07-01,2021-07-31,u1,200,exactly,200,sum,sum,,,",
                bucket + "5,exactly,5,persons,joint,1,2021-07-01,2021-07-31,u3,,,,sum,part-of,,,");
    }
}
