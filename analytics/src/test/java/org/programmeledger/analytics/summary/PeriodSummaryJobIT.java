package org.programmeledger.analytics.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.jobs.JobFailedException;
import org.programmeledger.analytics.jobs.JobRunner;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.importing.ImportListener;
import org.programmeledger.ledger.importing.ImportReport;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.LedgerHead;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.batch.core.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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

    private final Path csv = out.resolve("csv").resolve("period-summary-" + PERIOD + ".csv");

    @BeforeEach
    void recordTheSeedProgramme() throws Exception {
        Files.deleteIfExists(csv);
        assertThat(importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"),
                ImportListener.SILENT)).allMatch(ImportReport::accepted);
        views.awaitHead(Duration.ofSeconds(30));
    }

    private List<CSVRecord> runSummary() throws Exception {
        views.awaitHead(Duration.ofSeconds(30));
        jobs.run(periodSummaryJob, Map.of("period", PERIOD));
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
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
