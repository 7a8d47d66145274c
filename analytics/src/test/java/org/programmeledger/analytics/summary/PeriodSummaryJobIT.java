package org.programmeledger.analytics.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.reads.JobFailedException;
import org.programmeledger.analytics.jobs.JobRunner;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.analyticstest.SeedProgramme;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.store.LedgerHead;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The period-summary job on the seed programme, recorded through the command bus into a real H2 store. */
@SpringBootTest(classes = AnalyticsTestApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class PeriodSummaryJobIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";

    @TempDir
    static Path out;

    @DynamicPropertySource
    static void outputDirectory(DynamicPropertyRegistry registry) {
        registry.add("ledger.output.directory", () -> out.toString());
    }

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    LedgerHead head;
    @Autowired
    JobRunner jobs;
    @Autowired
    Job periodSummaryJob;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    private final Path csv = out.resolve("csv").resolve("period-summary-" + PERIOD + ".csv");

    @BeforeEach
    void recordTheSeedProgramme() throws Exception {
        Files.deleteIfExists(csv);
        SeedProgramme.record(importer, views);
    }

    private List<CSVRecord> runSummary() throws Exception {
        return runSummary(PERIOD, "period-summary-" + PERIOD + ".csv");
    }

    private List<CSVRecord> runSummary(String period, String file) throws Exception {
        views.awaitHead(Duration.ofMinutes(2));
        jobs.run(periodSummaryJob, Map.of("period", period));
        return read(file);
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(out.resolve("csv").resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static CSVRecord heading(List<CSVRecord> lines, String dimension, String heading, String metric) {
        return lines.stream().filter(l -> l.get("dimension").equals(dimension) && l.get("heading").equals(heading)
                        && l.get("metric").equals(metric) && l.get("placement").equals("within")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + dimension + " " + heading + " " + metric));
    }

    private static CSVRecord line(List<CSVRecord> lines, String item, String metric) {
        return lines.stream().filter(l -> l.get("item").equals(item) && l.get("metric").equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no line for item " + item + " " + metric));
    }

    @Test
    void summarisesEveryFigureOfTheSeedPeriodWithItsQualifierAndSide() throws Exception {
        List<CSVRecord> lines = runSummary();

        assertThat(line(lines, "5", "intelligence-pieces-exchanged").get("total")).isEqualTo("183");
        CSVRecord seized = line(lines, "6", "infringing-items-seized");
        assertThat(seized.get("total")).isEqualTo("6980000");
        assertThat(seized.get("qualifier")).isEqualTo("more-than");
        assertThat(seized.get("stated_as")).isEqualTo("more than 6980000");
        assertThat(seized.get("side")).isEqualTo("guangdong");
        CSVRecord articles = line(lines, "6", "infringing-articles-involved");
        assertThat(articles.get("stated_as")).isEqualTo("about 170000");
        assertThat(articles.get("side")).isEqualTo("hong-kong");
        assertThat(line(lines, "2", "professionals-matched").get("total")).isEqualTo("1268");
        assertThat(line(lines, "11", "participants").get("stated_as")).isEqualTo("about 470");
        assertThat(line(lines, "13", "participants").get("stated_as")).isEqualTo("more than 400");
        assertThat(line(lines, "14", "service-windows-launched").get("total")).isEqualTo("12");
        assertThat(line(lines, "18", "inventions-awarded").get("total")).isEqualTo("9");
        assertThat(lines).allMatch(l -> l.get("period").equals(PERIOD));
    }

    @Test
    void addsUpAnItemsFiguresForOneMetricInsideThePeriod() throws Exception {
        List<CSVRecord> lines = runSummary();

        CSVRecord applications = line(lines, "3", "valid-applications");
        assertThat(applications.get("total")).isEqualTo("1748");
        assertThat(applications.get("qualifier")).isEqualTo("exactly");
        assertThat(applications.get("figures")).isEqualTo("2");
        assertThat(applications.get("figure_ids")).isEqualTo("3.1.1;3.2.1");
        assertThat(applications.get("extent_start")).isEqualTo("2020-01-01");
        assertThat(applications.get("extent_end")).isEqualTo("2021-12-31");
        assertThat(line(lines, "3", "finalist-awards").get("total")).isEqualTo("73");
    }

    @Test
    void listsFiguresThatReachBeyondThePeriodApartAndWhole() throws Exception {
        List<CSVRecord> lines = runSummary();

        CSVRecord passed = line(lines, "15", "residents-passed-examination");
        assertThat(passed.get("placement")).isEqualTo("spanning");
        assertThat(passed.get("total")).isEqualTo("75");
        assertThat(passed.get("basis")).isEqualTo("cumulative");
        assertThat(passed.get("extent_start")).isEqualTo("2004-01-01");
        assertThat(passed.get("extent_end")).isEqualTo("2022-06-30");
        assertThat(line(lines, "15", "residents-practising-in-mainland").get("placement")).isEqualTo("spanning");
        assertThat(lines.stream().filter(l -> l.get("placement").equals("spanning"))).hasSize(2);
        assertThat(lines.indexOf(passed)).isGreaterThan(lines.indexOf(line(lines, "19",
                "mainland-ip-administrations-linked")));
    }

    @Test
    void namesTheLedgerPositionItWasBuiltFromBesideTheFile() throws Exception {
        runSummary();

        String provenance = Files.readString(csv.resolveSibling(csv.getFileName() + ".provenance.json"));
        assertThat(provenance).contains("\"ledgerPosition\" : " + head.position(), "\"job\" : \"period-summary\"",
                "\"sha256\" : \"" + OutputFiles.sha256(csv) + "\"");
        assertThat(Files.list(csv.getParent())).noneMatch(file -> file.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void showsACorrectedFigureAndDropsTheFiguresOfARetractedActivity() throws Exception {
        commands.sendAndWait(new CorrectFigure(PERIOD, "5.1.1", new BigDecimal("184"), Qualifier.ABOUT,
                "secretariat recount"));
        commands.sendAndWait(new RetractActivity(PERIOD, "13.1", "recorded in error"));

        List<CSVRecord> lines = runSummary();

        assertThat(line(lines, "5", "intelligence-pieces-exchanged").get("stated_as")).isEqualTo("about 184");
        assertThat(lines).noneMatch(l -> l.get("item").equals("13"));
    }

    @Test
    void totalsEveryMetricByAreaByLeadOrganisationAndBySideWithCombinedQualifiers() throws Exception {
        runSummary();
        List<CSVRecord> lines = read("period-summary-" + PERIOD + "-breakdown.csv");

        assertThat(heading(lines, "side", "joint", "participants").get("stated_as")).isEqualTo("more than 1120");
        assertThat(heading(lines, "side", "joint", "participants").get("figure_ids"))
                .isEqualTo("11.0.1;13.1.1;2.1.1");
        assertThat(heading(lines, "area", "exchanges and discussions", "participants").get("stated_as"))
                .isEqualTo("more than 870");
        assertThat(heading(lines, "area", "talent nurturing", "participants").get("stated_as"))
                .isEqualTo("more than 250");
        assertThat(heading(lines, "organisation", "hkipd", "participants").get("stated_as"))
                .isEqualTo("more than 1120");
        assertThat(heading(lines, "organisation", "hk-customs", "intelligence-pieces-exchanged").get("total"))
                .isEqualTo("219");
        assertThat(heading(lines, "organisation", "gd-customs", "intelligence-pieces-exchanged").get("total"))
                .isEqualTo("183");
        assertThat(heading(lines, "organisation", "(none stated)", "candidates-registered").get("total"))
                .isEqualTo("19");
        assertThat(heading(lines, "side", "guangdong", "infringing-items-seized").get("stated_as"))
                .isEqualTo("more than 6980000");
    }

    @Test
    void countsActivitiesByKindAndModeAndListsItemsWithTheirStatusNow() throws Exception {
        runSummary();
        List<CSVRecord> activities = read("period-summary-" + PERIOD + "-activities.csv");
        List<CSVRecord> items = read("period-summary-" + PERIOD + "-items.csv");

        assertThat(activities).allMatch(l -> l.get("placement").equals("within"));
        assertThat(activities.stream().mapToInt(l -> Integer.parseInt(l.get("activities"))).sum()).isEqualTo(31);
        assertThat(activities).anySatisfy(l -> assertThat(List.of(l.get("kind"), l.get("mode"), l.get("activities")))
                .containsExactly("promotion", "unstated", "5"));
        assertThat(activities).anySatisfy(l -> assertThat(List.of(l.get("kind"), l.get("mode"), l.get("activities")))
                .containsExactly("forum", "both", "3"));
        assertThat(items).hasSize(19);
        assertThat(items.get(1).get("item")).isEqualTo("2");
        assertThat(items.get(1).get("new_in_plan_period")).isEqualTo("yes");
        assertThat(items.get(1).get("status_now")).isEqualTo("completed");
        assertThat(items.get(1).get("activities_within")).isEqualTo("2");
        assertThat(items.stream().filter(l -> l.get("new_in_plan_period").equals("yes")).map(l -> l.get("item")))
                .containsExactly("2", "8", "10", "14");
    }

    @Test
    void aQuarterCountsOnlyWhatLiesInsideItAndListsFiguresSpanningQuartersApart() throws Exception {
        List<CSVRecord> lines = runSummary("2021-Q2", "period-summary-2021-Q2.csv");

        CSVRecord matched = line(lines, "2", "professionals-matched");
        assertThat(matched.get("placement")).isEqualTo("within");
        assertThat(matched.get("total")).isEqualTo("1268");
        assertThat(matched.get("period_start")).isEqualTo("2021-04-01");
        assertThat(matched.get("period_end")).isEqualTo("2021-06-30");
        CSVRecord intelligence = line(lines, "5", "intelligence-pieces-exchanged");
        assertThat(intelligence.get("placement")).isEqualTo("spanning");
        assertThat(intelligence.get("total")).isEqualTo("183");
        assertThat(line(lines, "3", "valid-applications").get("placement")).isEqualTo("spanning");
        assertThat(line(lines, "3", "valid-applications").get("total")).isEqualTo("1090");
        assertThat(lines.stream().filter(l -> l.get("placement").equals("within")).map(l -> l.get("metric")))
                .containsExactly("professionals-matched", "recruitment-requests-presented");
        assertThat(lines).noneMatch(l -> l.get("item").equals("13"));

        List<CSVRecord> q3 = runSummary("2021-Q3", "period-summary-2021-Q3.csv");
        assertThat(line(q3, "13", "participants").get("placement")).isEqualTo("within");
        assertThat(line(q3, "13", "participants").get("stated_as")).isEqualTo("more than 400");
        assertThat(read("period-summary-2021-Q2-activities.csv").stream()
                .filter(l -> l.get("placement").equals("within"))
                .map(l -> l.get("kind") + "/" + l.get("mode") + "=" + l.get("activities")))
                .containsExactly("conference/online=1", "meeting/online=1");
    }

    @Test
    void leavesOutAFigureItCannotReadAndNamesItInTheProvenance() throws Exception {
        jdbc.update("INSERT INTO view_figure (period_id, figure_id, item_number, activity_id, metric, figure_value, "
                + "unit, qualifier, side, extent_start, extent_end, extent_precision, basis, corrected, retracted) "
                + "VALUES (?, '5.9.9', 5, NULL, 'intelligence-pieces-exchanged', 1, 'pieces', 'EXACTLY', 'ATLANTIS', "
                + "DATE '2020-01-01', DATE '2020-12-31', 'YEAR', 'FLOW', FALSE, FALSE)", PERIOD);

        List<CSVRecord> lines = runSummary();

        assertThat(line(lines, "5", "intelligence-pieces-exchanged").get("total")).isEqualTo("183");
        assertThat(Files.readString(csv.resolveSibling(csv.getFileName() + ".provenance.json")))
                .contains("figure_id 5.9.9 cannot be read", "ATLANTIS");
        // The breakdown reads each figure under three headings, yet skips it once; the unreadable figure sorts
        // between the two of its area's line, which stays one line.
        String breakdown = "period-summary-" + PERIOD + "-breakdown.csv";
        assertThat(read(breakdown).stream().filter(l -> l.get("dimension").equals("area")
                && l.get("metric").equals("intelligence-pieces-exchanged")).map(l -> l.get("heading") + " "
                + l.get("placement") + " " + l.get("figure_ids") + " " + l.get("total")))
                .containsExactly("enforcement within 5.1.1;7.1.1 219");
        assertThat(Files.readString(out.resolve("csv").resolve(breakdown + ".provenance.json"))
                .split("figure_id 5.9.9 cannot be read", -1)).hasSize(2);
    }

    @Test
    void aRunningTotalsFigureItCannotReadIsLeftOutAndTheLatestIsOfThoseItRead() throws Exception {
        String insert = "INSERT INTO view_figure (period_id, figure_id, item_number, activity_id, metric, "
                + "figure_value, unit, qualifier, side, extent_start, extent_end, extent_precision, basis, aggregation, "
                + "corrected, retracted) VALUES (?, ?, 5, NULL, 'residents-passed-examination', ?, 'residents', "
                + "'EXACTLY', ?, DATE '2020-01-01', ?, 'MONTH', 'CUMULATIVE', 'cumulative', FALSE, FALSE)";
        jdbc.update(insert, PERIOD, "5.9.6", 60, "HONG_KONG", Date.valueOf("2020-06-30"));
        jdbc.update(insert, PERIOD, "5.9.7", 70, "HONG_KONG", Date.valueOf("2020-12-31"));
        jdbc.update(insert, PERIOD, "5.9.8", 75, "ATLANTIS", Date.valueOf("2021-12-31"));

        List<CSVRecord> lines = runSummary();
        List<CSVRecord> breakdown = read("period-summary-" + PERIOD + "-breakdown.csv");

        assertThat(lines.stream().filter(l -> l.get("metric").equals("residents-passed-examination")
                && l.get("placement").equals("within")).map(l -> l.get("figure_ids") + " " + l.get("shows")))
                .containsExactly("5.9.7 latest", "5.9.6 earlier");
        // Under its area, its item's two lead organisations and its side alike: the latest of the figures read.
        List<String> expected = new ArrayList<>();
        for (String dimension : List.of("area", "organisation", "organisation", "side")) {
            expected.addAll(List.of(dimension + " 5.9.7 latest", dimension + " 5.9.6 earlier"));
        }
        assertThat(breakdown.stream().filter(l -> l.get("metric").equals("residents-passed-examination")
                && l.get("placement").equals("within")).map(l -> l.get("dimension") + " " + l.get("figure_ids") + " "
                + l.get("shows"))).containsExactlyElementsOf(expected);
        assertThat(Files.readString(out.resolve("csv").resolve("period-summary-" + PERIOD
                + "-breakdown.csv.provenance.json"))).contains("figure_id 5.9.8 cannot be read", "ATLANTIS");
    }

    @Test
    void restartsAJobThatFailedPartWayAndWritesTheSameBytesAsAnUninterruptedRun() throws Exception {
        List<String> parts = List.of("", "-breakdown", "-activities", "-items");
        Path blocker = out.resolve("csv").resolve("period-summary-" + PERIOD + "-activities.csv");
        deleteRecursively(blocker);
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("in-the-way"), "the third step cannot publish its file");
        views.awaitHead(Duration.ofMinutes(2));
        assertThatThrownBy(() -> jobs.run(periodSummaryJob, Map.of("period", PERIOD)))
                .isInstanceOf(JobFailedException.class).hasMessageContaining("period-summary ended FAILED");
        deleteRecursively(blocker);

        JobExecution restart = jobs.run(periodSummaryJob, Map.of("period", PERIOD));
        assertThat(restart.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactlyInAnyOrder("periodActivitiesStep", "periodItemsStep");
        List<byte[]> restarted = new ArrayList<>();
        for (String part : parts) {
            restarted.add(Files.readAllBytes(out.resolve("csv").resolve("period-summary-" + PERIOD + part + ".csv")));
        }

        commands.sendAndWait(new RegisterOrganisation("restart-test-office", "An office the summary does not name",
                null, Side.OTHER));
        views.awaitHead(Duration.ofMinutes(2));
        JobExecution uninterrupted = jobs.run(periodSummaryJob, Map.of("period", PERIOD));
        assertThat(uninterrupted.getStepExecutions()).hasSize(4);
        for (int i = 0; i < parts.size(); i++) {
            assertThat(Files.readAllBytes(out.resolve("csv").resolve("period-summary-" + PERIOD + parts.get(i)
                    + ".csv"))).as(parts.get(i)).isEqualTo(restarted.get(i));
        }
    }

    @Test
    void failsWithAClearMessageAndLeavesNoFileWhenTheOutputFolderCannotBeWritten() throws Exception {
        Files.createDirectories(out);
        Path blocker = out.resolve("csv");
        deleteRecursively(blocker);
        Files.writeString(blocker, "a file where the csv folder should be");
        try {
            assertThatThrownBy(this::runSummary)
                    .isInstanceOf(JobFailedException.class)
                    .hasMessageContaining("period-summary ended FAILED")
                    .hasMessageContaining("csv");
        } finally {
            Files.delete(blocker);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (var children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteRecursively(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
