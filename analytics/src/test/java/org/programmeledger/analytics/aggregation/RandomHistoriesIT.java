package org.programmeledger.analytics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.jobs.JobRunner;
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
import org.programmeledger.ledger.api.Side;
import org.springframework.batch.core.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A random history (fixed seed): 40 metrics of every aggregation, each with up to six figures stated truthfully
 * of true values the test knows, under every qualifier. The period summary of the whole plan period and of each
 * of a few years must never state for a non-additive metric more than one source states, and every total of
 * flows must hold for the true total of the figures it lists.
 */
@SpringBootTest(classes = AnalyticsTestApplication.class)
class RandomHistoriesIT {

    private static final String PERIOD = "random-2003-2025";
    private static final Qualifier[] QUALIFIERS = Qualifier.values();

    private static final Path out = OutputFolders.temporary("random-histories");

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

    /** A figure as recorded, and the true number it was stated of. */
    private record Recorded(Aggregation aggregation, Bound stated, long truth) {
    }

    @Test
    void noSummaryStatesMoreThanItsSourcesAndEverySumOfFlowsHoldsForTheTrueTotal() throws Exception {
        Map<String, Recorded> figures = recordARandomHistory(new Random(18));
        int checkedLines = 0;
        for (String period : List.of("2003-01-01..2025-12-31", "2010", "2016", "2020-H1")) {
            jobs.run(periodSummaryJob, Map.of("period", period));
            for (CSVRecord line : read("period-summary-" + period + ".csv")) {
                check(line, figures);
                checkedLines++;
            }
        }
        assertThat(checkedLines).isGreaterThan(100);
    }

    private static void check(CSVRecord line, Map<String, Recorded> figures) {
        List<String> ids = Arrays.asList(line.get("figure_ids").split(";"));
        Aggregation aggregation = figures.get(ids.get(0)).aggregation();
        assertThat(line.get("aggregation")).isEqualTo(aggregation.code());
        if (aggregation != Aggregation.SUM || line.get("placement").equals("spanning")) {
            assertThat(ids).as("never added: %s", line).hasSize(1);
            assertThat(line.get("stated_as")).as("as its source states it").isEqualTo(figures.get(ids.get(0))
                    .stated().phrase());
            return;
        }
        long truth = ids.stream().mapToLong(id -> figures.get(id).truth()).sum();
        assertThat(holds(line, BigDecimal.valueOf(truth))).as("%s for a true total of %s", line, truth).isTrue();
    }

    private static boolean holds(CSVRecord line, BigDecimal truth) {
        if (line.get("qualifier").equals("mixed") || line.get("qualifier").equals("about")) {
            return true;
        }
        BigDecimal total = new BigDecimal(line.get("total"));
        int side = truth.compareTo(total);
        return switch (line.get("qualifier")) {
            case "exactly" -> side == 0;
            case "at-least" -> side >= 0;
            case "more-than" -> side > 0;
            case "at-most" -> side <= 0;
            case "less-than", "nearly" -> side < 0;
            case "between" -> side >= 0 && truth.compareTo(new BigDecimal(line.get("total_high"))) <= 0;
            default -> false;
        };
    }

    private Map<String, Recorded> recordARandomHistory(Random random) throws Exception {
        commands.sendAndWait(new EstablishProgramme("random", "A random programme"));
        commands.sendAndWait(new OpenPlanPeriod(PERIOD, "random", "2003 - 2025", LocalDate.of(2003, 1, 1),
                LocalDate.of(2025, 12, 31)));
        commands.sendAndWait(new RegisterItem(PERIOD, 1, "Everything", "area", false, List.of(), List.of(),
                "the test's history"));
        Map<String, Recorded> figures = new HashMap<>();
        Aggregation[] aggregations = Aggregation.values();
        for (int m = 0; m < 40; m++) {
            String metric = "metric-" + m;
            Aggregation aggregation = aggregations[m % aggregations.length];
            commands.sendAndWait(new DefineMetric(metric, metric, List.of("units"), aggregation, true, null,
                    "the test's catalogue"));
            Basis basis = aggregation == Aggregation.CUMULATIVE ? Basis.CUMULATIVE : Basis.FLOW;
            for (int f = 0, n = 1 + random.nextInt(6); f < n; f++) {
                String id = m + "." + f;
                long truth = 100 + random.nextInt(1000);
                Qualifier qualifier = QUALIFIERS[random.nextInt(QUALIFIERS.length)];
                long slack = random.nextInt(50);
                long value = switch (qualifier) {
                    case AT_LEAST, BETWEEN -> truth - slack;
                    case MORE_THAN -> truth - slack - 1;
                    case AT_MOST -> truth + slack;
                    case LESS_THAN, NEARLY -> truth + slack + 1;
                    default -> truth;
                };
                BigDecimal high = qualifier == Qualifier.BETWEEN ? BigDecimal.valueOf(truth + random.nextInt(50) + 1)
                        : null;
                int year = 2003 + random.nextInt(23);
                Extent extent = basis == Basis.CUMULATIVE ? Extent.range(LocalDate.of(2003, 1, 1),
                        LocalDate.of(year, 12, 31)) : random.nextInt(4) == 0
                        ? Extent.range(LocalDate.of(year, 1, 1), LocalDate.of(Math.min(2025, year + 1), 12, 31))
                        : Extent.year(year);
                commands.sendAndWait(new RecordFigure(PERIOD, id, 1, null, metric, BigDecimal.valueOf(value), high,
                        "units", qualifier, Side.JOINT, extent, null, basis, null, "the test's source", null));
                figures.put(id, new Recorded(aggregation, Bound.stated(qualifier.code(), BigDecimal.valueOf(value),
                        high), truth));
            }
        }
        views.awaitHead(Duration.ofSeconds(60));
        return figures;
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(out.resolve("csv").resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
