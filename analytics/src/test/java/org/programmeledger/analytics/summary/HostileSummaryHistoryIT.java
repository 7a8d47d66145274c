package org.programmeledger.analytics.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.hashing.Sha256;
import org.springframework.batch.core.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A random history (fixed seed) made to trip the period summary's ordering and counting: figure ids, areas and
 * organisations in mixed case and non-ASCII, items with no, one and several lead organisations, figures part of
 * others (of the same or another item, side, area, metric), disputed figures, figures reaching beyond the period,
 * the programme's own facts, every aggregation and qualifier. The summary and breakdown files must be byte for
 * byte those the three GROUP BYs wrote before the breakdown was read in one pass (main d2bd0eb, recorded below
 * the same on both databases). Set {@code -Dhostile.copy=DIR} to keep the files (in a folder per test class).
 */
@SpringBootTest(classes = AnalyticsTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSummaryHistoryIT {

    private static final String PROGRAMME = "hostile";
    private static final List<String> PERIODS = List.of("hx-2003-2012", "hx-2013-2025");
    private static final List<String> SUMMARIES = List.of("2003-01-01..2025-12-31", "2010", "hx-2013-2025");
    private static final List<String> AREAS = List.of("Éducation", "education", "Zoo", "zoo", "área", "B-area",
            "b area", "Ärger");
    private static final List<String> ORGANISATIONS = List.of("org-a", "Org-B", "ørg-c", "ORG-d", "org-é");
    private static final List<String> ID_STEMS = List.of("F", "f", "é", "a-", "A.", "z", "Z-", "ö");
    private static final Side[] SIDES = Side.values();
    private static final Qualifier[] QUALIFIERS = Qualifier.values();

    private static final Path out = OutputFolders.temporary("hostile-summary");

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

    /** Metric, unit, aggregation. */
    private record Metric(String id, String unit, Aggregation aggregation) {
    }

    private static final List<Metric> METRICS = List.of(new Metric("flows-a", "persons", Aggregation.SUM),
            new Metric("flows-b", "Items", Aggregation.SUM), new Metric("flows-c", "éléments", Aggregation.SUM),
            new Metric("running", "projects", Aggregation.CUMULATIVE),
            new Metric("standing", "staff", Aggregation.LEVEL), new Metric("share", "percent", Aggregation.RATIO),
            new Metric("kinds", "kinds", Aggregation.DISTINCT));

    @BeforeAll
    void recordTheHistory() throws Exception {
        Random random = new Random(19);
        for (Metric metric : METRICS) {
            commands.sendAndWait(new DefineMetric(metric.id(), metric.id(), List.of(metric.unit()),
                    metric.aggregation(), true, null, "the test's catalogue"));
        }
        for (int o = 0; o < ORGANISATIONS.size(); o++) {
            commands.sendAndWait(new RegisterOrganisation(ORGANISATIONS.get(o), "Organisation " + o, "O" + o,
                    SIDES[o % SIDES.length]));
        }
        commands.sendAndWait(new EstablishProgramme(PROGRAMME, "A hostile programme"));
        int figures = 0;
        for (int p = 0; p < PERIODS.size(); p++) {
            String period = PERIODS.get(p);
            int firstYear = p == 0 ? 2003 : 2013;
            int lastYear = p == 0 ? 2012 : 2025;
            commands.sendAndWait(new OpenPlanPeriod(period, PROGRAMME, firstYear + " - " + lastYear,
                    LocalDate.of(firstYear, 1, 1), LocalDate.of(lastYear, 12, 31)));
            Map<String, List<RecordFigure>> byMetric = new LinkedHashMap<>();
            for (int item = 1; item <= 10; item++) {
                List<String> leads = new ArrayList<>(ORGANISATIONS);
                java.util.Collections.shuffle(leads, random);
                commands.sendAndWait(new RegisterItem(period, item, "Item " + item + " ünd Title",
                        AREAS.get(random.nextInt(AREAS.size())), random.nextBoolean(),
                        leads.subList(0, random.nextInt(4)), List.of(), "the test's history"));
                for (int f = 0, n = 2 + random.nextInt(9); f < n; f++) {
                    String id = ID_STEMS.get(random.nextInt(ID_STEMS.size())) + (figures++);
                    Metric metric = METRICS.get(random.nextInt(METRICS.size()));
                    RecordFigure figure = figure(random, period, id, item, metric, firstYear, lastYear);
                    List<RecordFigure> wholes = byMetric.computeIfAbsent(metric.id(), m -> new ArrayList<>());
                    if (!wholes.isEmpty() && random.nextInt(3) == 0) {
                        figure = partOf(figure, wholes.get(random.nextInt(wholes.size())));
                    }
                    commands.sendAndWait(figure);
                    wholes.add(figure);
                    if (random.nextInt(8) == 0) {
                        commands.sendAndWait(new RecordAlternativeValue(period, id,
                                BigDecimal.valueOf(random.nextInt(5000), random.nextInt(3)), null, Qualifier.EXACTLY,
                                "a second source", null));
                    }
                }
            }
            for (int f = 0; f < 4; f++) {
                RecordFigure fact = figure(random, period, "period-fact-" + (figures++), null,
                        METRICS.get(random.nextInt(METRICS.size())), firstYear, lastYear);
                commands.sendAndWait(fact);
            }
        }
        for (int f = 0; f < 6; f++) {
            Metric metric = METRICS.get(random.nextInt(METRICS.size()));
            Basis basis = metric.aggregation() == Aggregation.CUMULATIVE ? Basis.CUMULATIVE : Basis.FLOW;
            int year = 2003 + random.nextInt(23);
            commands.sendAndWait(new RecordProgrammeFigure(PROGRAMME, "P" + f, metric.id(),
                    BigDecimal.valueOf(random.nextInt(900) + 1), null, metric.unit(), Qualifier.EXACTLY,
                    SIDES[random.nextInt(SIDES.length)], basis == Basis.CUMULATIVE
                            ? Extent.range(LocalDate.of(2003, 1, 1), LocalDate.of(year, 12, 31)) : Extent.year(year),
                    null, basis, null, "the test's minutes", null));
        }
        views.awaitHead(Duration.ofMinutes(2));
    }

    /** A part is never larger than its whole when both are exact (the ledger refuses it). */
    private static RecordFigure partOf(RecordFigure part, RecordFigure whole) {
        BigDecimal value = part.qualifier() == Qualifier.EXACTLY && whole.qualifier() == Qualifier.EXACTLY
                ? part.value().min(whole.value()) : part.value();
        return new RecordFigure(part.periodId(), part.figureId(), part.itemNumber(), null, part.metric(), value,
                part.valueHigh(), part.unit(), part.qualifier(), part.side(), part.extent(), null, part.basis(),
                whole.figureId(), part.source(), null);
    }

    private static RecordFigure figure(Random random, String period, String id, Integer item, Metric metric,
                                       int firstYear, int lastYear) {
        Basis basis = metric.aggregation() == Aggregation.CUMULATIVE ? Basis.CUMULATIVE : Basis.FLOW;
        Qualifier qualifier = QUALIFIERS[random.nextInt(QUALIFIERS.length)];
        BigDecimal value = BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4));
        BigDecimal high = qualifier == Qualifier.BETWEEN
                ? value.add(BigDecimal.valueOf(1 + random.nextInt(1000), random.nextInt(3))) : null;
        int year = firstYear + random.nextInt(lastYear - firstYear + 1);
        Extent extent = basis == Basis.CUMULATIVE ? Extent.range(LocalDate.of(firstYear, 1, 1),
                LocalDate.of(year, 12, 31)) : switch (random.nextInt(5)) {
                    case 0 -> Extent.range(LocalDate.of(year, 1, 1), LocalDate.of(Math.min(lastYear, year + 1), 12, 31));
                    case 1 -> Extent.range(LocalDate.of(year, 3, 1), LocalDate.of(year, 5, 31));
                    default -> Extent.year(year);
                };
        return new RecordFigure(period, id, item, null, metric.id(), value, high, metric.unit(), qualifier,
                SIDES[random.nextInt(SIDES.length)], extent, null, basis, null, "the test's source for " + id,
                null);
    }

    /**
     * The files' SHA-256 as main d2bd0eb wrote them (a GROUP BY for the summary, three for the breakdown), the
     * same on H2 and on the tests' PostgreSQL.
     */
    private static final Map<String, String> BEFORE = Map.of(
            "period-summary-2003-01-01..2025-12-31.csv",
            "a0f037057c4379b86e2b27f9e62c025eff88423841d3074448096555b69382b0",
            "period-summary-2003-01-01..2025-12-31-breakdown.csv",
            "9f0c42f3891b546af85aabee82e35aa0b3f4c61e0ecef3c72247d1cea9f0fcd0",
            "period-summary-2010.csv", "1a1f2c203899e3fb98b655614504d7cbbc4e9fa4d55879eef6b6783fe520aac2",
            "period-summary-2010-breakdown.csv", "de4b8a904a6c93d23c0305b1aa44d5f92adeb475533c861b9560772d19b16bab",
            "period-summary-hx-2013-2025.csv", "c5fc20202e8a12ade7c72e21303d977b566df3cdbcb968459662b950c6fc673c",
            "period-summary-hx-2013-2025-breakdown.csv",
            "13a6605d12a11e8f056327b4468ed007946e32ba3342280ad1d80a729edf22b9");

    @Test
    void theSummaryAndBreakdownAreThoseTheGroupByQueriesWrote() throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String period : SUMMARIES) {
            jobs.run(periodSummaryJob, Map.of("period", period));
            for (String file : List.of("period-summary-" + period + ".csv",
                    "period-summary-" + period + "-breakdown.csv")) {
                Path written = out.resolve("csv").resolve(file);
                digests.put(file, Sha256.hexOf(written));
                keep(written);
            }
        }
        assertThat(Files.readString(out.resolve("csv").resolve("period-summary-2003-01-01..2025-12-31-breakdown.csv")))
                .as("the history reaches every heading").contains(",organisation,(none stated),")
                .contains(",area,Éducation,").contains(",area,education,").contains(",part-of,")
                .contains(",disputed,");
        assertThat(Files.readString(out.resolve("csv").resolve("period-summary-2010-breakdown.csv")))
                .contains(",spanning,");
        assertThat(digests).isEqualTo(BEFORE);
    }

    /**
     * Each metric's trend series in every bucket, from the start and from two later days (one inside a year), as
     * the figures' window query wrote them (this branch at 1ff38c3; the same on both databases), one SHA-256 over
     * a metric's nine files.
     */
    private static final Map<String, String> TRENDS_BEFORE = Map.of(
            "flows-a", "57943345a17cff108e10ba37a4b48edbf17c6a8a71db633502ed6315bdefd6f3",
            "flows-b", "3a5bf14061dd85473696d32ae1360cb433394295b0cbcc9bae259706cd63b1e5",
            "flows-c", "242255623ed972363059d49257d2c57885490a93020c476394ee28b9ee684b31",
            "running", "e0bd27823c42aaa89ddfd14e3f6bc81cdfa75f176ad61be79998305ab453a799",
            "standing", "ae1690c17ab9f430eaaf3f811444fab36cf1fef5772b990b48d4719fc01fd763",
            "share", "d358fc706018fd53e4efefbc964663a6f6b3dd06fc1108f8ee88038d23698c27",
            "kinds", "fc45bba2eb3c90ec7b27911b4194ff617385069289e724f8034f50460e40c78c");

    @Test
    void theTrendSeriesAreThoseTheWindowQueryWrote() throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Metric metric : METRICS) {
            List<byte[]> files = new ArrayList<>();
            for (String bucket : List.of("year", "half", "quarter")) {
                for (String from : java.util.Arrays.asList(null, "2010", "2013-03-02")) {
                    Map<String, String> parameters = new LinkedHashMap<>(Map.of("metric", metric.id(), "bucket", bucket));
                    if (from != null) {
                        parameters.put("from", from);
                    }
                    jobs.run(trendSeriesJob, parameters);
                    Path written = out.resolve("csv")
                            .resolve(TrendSeriesJobConfiguration.fileName(metric.id(), bucket, from));
                    files.add(Files.readAllBytes(written));
                    keep(written);
                }
            }
            digests.put(metric.id(), Sha256.hexOf(files.toArray(byte[][]::new)));
        }
        assertThat(Files.readString(out.resolve("csv").resolve(TrendSeriesJobConfiguration.fileName("flows-a",
                "year", null)))).as("the history reaches every placement").contains(",within,")
                .contains(",spanning,").contains(",disputed,");
        assertThat(digests).isEqualTo(TRENDS_BEFORE);
    }

    private void keep(Path written) throws IOException {
        String copy = System.getProperty("hostile.copy");
        if (copy != null) {
            Path folder = Files.createDirectories(Path.of(copy, getClass().getSimpleName()));
            Files.copy(written, folder.resolve(written.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
