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
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.springframework.batch.core.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Figures of the year 1500 and of 0999, before the Gregorian calendar began: each lies in the period its dates say
 * (days bound as java.sql.Date moved a period of 1500 nine days on), and a year bucket of 0999 holds its figure.
 */
@SpringBootTest(classes = AnalyticsTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarlyDatesIT {

    private static final Path out = OutputFolders.temporary("early-dates");

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
    void recordTheHistory() throws Exception {
        commands.sendAndWait(new DefineMetric("meetings", "Meetings", List.of("meetings"), Aggregation.SUM, true, null,
                "the test's catalogue"));
        commands.sendAndWait(new RegisterOrganisation("org-x", "Org X", "X", Side.MACAO));
        commands.sendAndWait(new EstablishProgramme("early", "An early programme"));
        commands.sendAndWait(new OpenPlanPeriod("early-1500", "early", "1500", LocalDate.of(1500, 1, 1),
                LocalDate.of(1500, 12, 31)));
        commands.sendAndWait(new RegisterItem("early-1500", 1, "Item", "area", false, List.of("org-x"), List.of(),
                "the test's history"));
        commands.sendAndWait(figure("fa", 3, Extent.day(LocalDate.of(1500, 1, 3))));
        commands.sendAndWait(figure("fb", 4, Extent.range(LocalDate.of(1500, 12, 30), LocalDate.of(1501, 1, 5))));
        commands.sendAndWait(figure("fc", 5, Extent.year(1500)));
        commands.sendAndWait(new RecordProgrammeFigure("early", "pm1", "meetings", BigDecimal.ONE, null, "meetings",
                Qualifier.EXACTLY, Side.JOINT, Extent.year(999), null, Basis.FLOW, null, "the test's minutes", null));
        views.awaitHead(Duration.ofMinutes(1));
    }

    private static RecordFigure figure(String id, int value, Extent extent) {
        return new RecordFigure("early-1500", id, 1, null, "meetings", BigDecimal.valueOf(value), null, "meetings",
                Qualifier.EXACTLY, Side.MACAO, extent, null, Basis.FLOW, null, "the test's source", null);
    }

    @Test
    void aFigureOfTheYear1500LiesInThePeriodItsDatesSay() throws Exception {
        jobs.run(periodSummaryJob, Map.of("period", "1500"));

        List<String> lines = Files.readAllLines(out.resolve("csv").resolve("period-summary-1500.csv"));
        assertThat(lines).anyMatch(line -> line.contains(",within,") && line.contains(",8,exactly,")
                && line.contains(",fa;fc,"));
        assertThat(lines).anyMatch(line -> line.contains(",spanning,") && line.contains(",fb,"));
    }

    @Test
    void aYearBucketOf0999HoldsItsFigure() throws Exception {
        jobs.run(trendSeriesJob, Map.of("metric", "meetings", "bucket", "year"));

        assertThat(Files.readAllLines(out.resolve("csv").resolve(TrendSeriesJobConfiguration.fileName("meetings",
                "year", null)))).anyMatch(line -> line.startsWith("meetings,0999,0999-01-01,0999-12-31,within,")
                && line.contains(",pm1,"));
    }
}
