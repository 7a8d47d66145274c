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
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.analyticstest.OutputFolders;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.AmendMetric;
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
 * Figures recorded before their metric was catalogued take the catalogue's aggregation once it is (a level's values
 * were added up as flows), and a running total is never added though its metric becomes a sum.
 */
@SpringBootTest(classes = AnalyticsTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueAfterFiguresIT {

    private static final Path out = OutputFolders.temporary("catalogue-after-figures");
    private static final String PERIOD = "cat-2020-2021";

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

    @BeforeAll
    void recordTheHistory() throws Exception {
        commands.sendAndWait(new RegisterOrganisation("org-x", "Org X", "X", Side.GUANGDONG));
        commands.sendAndWait(new EstablishProgramme("cat", "A programme catalogued late"));
        commands.sendAndWait(new OpenPlanPeriod(PERIOD, "cat", "2020 - 2021", LocalDate.of(2020, 1, 1),
                LocalDate.of(2021, 12, 31)));
        commands.sendAndWait(new RegisterItem(PERIOD, 1, "Item", "area", false, List.of("org-x"), List.of(),
                "the test's history"));
        commands.sendAndWait(figure("c1", "cities", 8, "2020-12", Basis.FLOW));
        commands.sendAndWait(figure("c2", "cities", 9, "2021-06", Basis.FLOW));
        commands.sendAndWait(figure("r1", "projects", 10, "2020-01/2020-06", Basis.CUMULATIVE));
        commands.sendAndWait(figure("r2", "projects", 25, "2020-01/2020-12", Basis.CUMULATIVE));
        commands.sendAndWait(new DefineMetric("cities", "Cities", List.of("cities"), Aggregation.LEVEL, true, null,
                "the test's catalogue"));
        commands.sendAndWait(new DefineMetric("projects", "Projects", List.of("projects"), Aggregation.LEVEL, true,
                null, "the test's catalogue"));
        commands.sendAndWait(new AmendMetric("projects", "Projects", List.of("projects"), Aggregation.SUM, true, null,
                "projects of a year"));
        commands.sendAndWait(figure("c3", "cities", 10, "2021-09", Basis.FLOW));
        views.awaitHead(Duration.ofMinutes(1));
    }

    private static RecordFigure figure(String id, String metric, int value, String extent, Basis basis) {
        return new RecordFigure(PERIOD, id, 1, null, metric, BigDecimal.valueOf(value), null, metric,
                Qualifier.EXACTLY, Side.GUANGDONG, Extent.parse(extent), null, basis, null, "the test's source", null);
    }

    @Test
    void neitherALevelNorARunningTotalIsAddedUp() throws Exception {
        jobs.run(periodSummaryJob, Map.of("period", PERIOD));

        List<String> lines = Files.readAllLines(out.resolve("csv").resolve("period-summary-" + PERIOD + ".csv"));
        assertThat(lines).filteredOn(line -> line.contains(",cities,")).extracting(line -> line.split(",")[10]
                + " " + line.split(",")[17] + " " + line.split(",")[19]).containsExactly("10 c3 latest",
                "8 c1 earlier", "9 c2 earlier");
        assertThat(lines).filteredOn(line -> line.contains(",projects,")).extracting(line -> line.split(",")[10]
                + " " + line.split(",")[17] + " " + line.split(",")[19]).containsExactly("25 r2 latest",
                "10 r1 earlier");
    }
}
