package org.programmeledger.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.reads.JobReport;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.analyticstest.SeedProgramme;
import org.programmeledger.ledger.api.AmendItem;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The trend-series and activity-register jobs, and running jobs by name and over HTTP, on the seed programme.
 * Tests that change the ledger get a fresh store afterwards; importing the seed again records nothing.
 */
@SpringBootTest(classes = AnalyticsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobsIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";

    @TempDir
    static Path out;

    @DynamicPropertySource
    static void outputDirectory(DynamicPropertyRegistry registry) {
        registry.add("ledger.output.directory", () -> out.toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    LedgerJobs jobs;
    @Autowired
    CommandGateway commands;

    @BeforeEach
    void recordTheSeedProgramme() throws Exception {
        SeedProgramme.record(importer, views);
    }

    private JobReport run(String job, Map<String, String> parameters) throws Exception {
        views.awaitHead(Duration.ofMinutes(2));
        return jobs.run(job, parameters);
    }

    private static String text(String file) throws IOException {
        return Files.readString(out.resolve("csv").resolve(file), StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(out.resolve("csv").resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    @Test
    void totalsContestApplicationsPerYearWithARunningTotal() throws Exception {
        run("trend-series", Map.of("metric", "valid-applications", "bucket", "year", "from", "2020"));

        assertThat(text("trend-series-valid-applications-year-from-2020.csv")).isEqualTo("""
                metric,bucket,bucket_start,bucket_end,placement,basis,total,qualifier,stated_as,unit,side,figures,\
                extent_start,extent_end,figure_ids,running_total,running_qualifier,running_stated_as,aggregation,\
                shows,total_high,running_total_high,other_units\r
                valid-applications,2020,2020-01-01,2020-12-31,within,flow,658,exactly,658,applications,joint,1,\
                2020-01-01,2020-12-31,3.1.1,658,exactly,658,sum,sum,,,\r
                valid-applications,2021,2021-01-01,2021-12-31,within,flow,1090,exactly,1090,applications,joint,1,\
                2021-01-01,2021-12-31,3.2.1,1748,exactly,1748,sum,sum,,,\r
                """);
    }

    @Test
    void listsIntelligencePiecesSpanningHalfYearsApartAndExamPassesAsTheRecordedPoint() throws Exception {
        run("trend-series", Map.of("metric", "intelligence-pieces-exchanged", "bucket", "half"));
        run("trend-series", Map.of("metric", "residents-passed-examination", "from", "2004"));

        List<CSVRecord> intelligence = read("trend-series-intelligence-pieces-exchanged-half.csv");
        assertThat(intelligence).extracting(l -> l.get("placement") + " " + l.get("total") + " " + l.get("figure_ids"))
                .containsExactly("spanning 183 5.1.1", "spanning 36 7.1.1");
        assertThat(intelligence).allMatch(l -> l.get("bucket").isEmpty() && l.get("running_total").isEmpty());
        List<CSVRecord> passes = read("trend-series-residents-passed-examination-year-from-2004.csv");
        assertThat(passes).hasSize(1);
        assertThat(passes.get(0).get("placement")).isEqualTo("recorded-point");
        assertThat(passes.get(0).get("total")).isEqualTo("75");
        assertThat(passes.get(0).get("extent_start")).isEqualTo("2004-01-01");
        assertThat(passes.get(0).get("extent_end")).isEqualTo("2022-06-30");
    }

    @Test
    @DirtiesContext
    void keepsEachSideAndUnitASeriesOfItsOwnAndNamesTheMetricsOtherUnits() throws Exception {
        commands.sendAndWait(new DefineMetric("items-seized", "Items seized", List.of("items", "tonnes"),
                Aggregation.SUM, true, "seized by customs", "test history"));
        recordFlow("3.9.1", "300", "items", Side.GUANGDONG, Extent.year(2021));
        recordFlow("3.9.2", "100", "items", Side.HONG_KONG, Extent.year(2021));
        recordFlow("3.9.3", "50", "items", Side.HONG_KONG, Extent.month(YearMonth.of(2022, 3)));
        recordFlow("3.9.4", "2", "tonnes", Side.HONG_KONG, Extent.year(2021));

        run("trend-series", Map.of("metric", "items-seized"));

        assertThat(read("trend-series-items-seized-year.csv")).extracting(line -> String.join(" ", line.get("bucket"),
                        line.get("unit"), line.get("side"), line.get("total"), line.get("running_total"),
                        line.get("other_units")))
                .containsExactly("2021 items guangdong 300 300 tonnes", "2021 items hong-kong 100 100 tonnes",
                        "2022 items hong-kong 50 150 tonnes", "2021 tonnes hong-kong 2 2 items");
    }

    private void recordFlow(String figureId, String value, String unit, Side side, Extent extent) {
        commands.sendAndWait(new RecordFigure(PERIOD, figureId, 3, null, "items-seized", new BigDecimal(value), unit,
                Qualifier.EXACTLY, side, extent, Basis.FLOW, "test history"));
    }

    @Test
    @DirtiesContext
    void showsACorrectionMadeAfterAFirstRunInTheNextRun() throws Exception {
        Map<String, String> parameters = Map.of("metric", "valid-applications", "from", "2020");
        JobReport first = run("trend-series", parameters);
        assertThat(run("trend-series", parameters).status()).isEqualTo(JobReport.ALREADY_BUILT);
        assertThat(run("trend-series", parameters).describe()).contains("already built from position "
                + first.position());

        commands.sendAndWait(new CorrectFigure(PERIOD, "3.2.1", new BigDecimal("1100"), Qualifier.ABOUT,
                "secretariat recount"));
        JobReport second = run("trend-series", parameters);

        assertThat(second.status()).isEqualTo("COMPLETED");
        assertThat(second.position()).isEqualTo(first.position() + 1);
        CSVRecord y2021 = read("trend-series-valid-applications-year-from-2020.csv").get(1);
        assertThat(y2021.get("stated_as")).isEqualTo("about 1100");
        assertThat(y2021.get("running_stated_as")).isEqualTo("about 1758");
    }

    @Test
    void registersEveryActivityOfAQuarterWithItsFiguresOrganisersAndDates() throws Exception {
        JobReport report = run("activity-register", Map.of("period", "2021-Q2"));

        assertThat(report.outputs()).containsExactly(out.resolve("csv").resolve("activity-register-2021-Q2.csv")
                .toString());
        List<CSVRecord> lines = read("activity-register-2021-Q2.csv");
        assertThat(lines.stream().filter(l -> l.get("placement").equals("within"))
                .map(l -> l.get("activity_id") + " " + l.get("kind") + " " + l.get("date") + " " + l.get("figure_id")
                        + " " + l.get("stated_as")))
                .containsExactly("12.1 meeting 2021-04  ", "2.2 conference 2021-04/2021-05 2.2.1 206",
                        "2.2 conference 2021-04/2021-05 2.2.2 1268");
        CSVRecord conference = lines.stream().filter(l -> l.get("activity_id").equals("2.2")).findFirst().orElseThrow();
        assertThat(conference.get("organisers")).isEqualTo("gdamr;hkipd;macao-etdb");
        assertThat(conference.get("mode")).isEqualTo("online");
        assertThat(conference.get("date_precision")).isEqualTo("range");
        CSVRecord unstated = lines.stream().filter(l -> l.get("activity_id").equals("19.1")).findFirst().orElseThrow();
        assertThat(unstated.get("placement")).isEqualTo("spanning");
        assertThat(unstated.get("date")).isEmpty();
        assertThat(unstated.get("date_precision")).isEqualTo("unstated");
        assertThat(unstated.get("figure_id")).isEqualTo("19.1.1");
    }

    @Test
    @DirtiesContext
    void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() throws Exception {
        commands.sendAndWait(new AmendItem(PERIOD, 9, "=HYPERLINK(\"http://example.invalid\")", "-2+3",
                "test of formula cells"));

        run("period-summary", Map.of("period", PERIOD));

        CSVRecord item9 = read("period-summary-" + PERIOD + "-items.csv").get(8);
        assertThat(item9.get("item_title")).isEqualTo("'=HYPERLINK(\"http://example.invalid\")");
        assertThat(item9.get("area")).isEqualTo("'-2+3");
    }

    @Test
    void runsJobsOverHttpForTheSecretariatAndListsThemForAnyRole() {
        Http secretariat = Http.on(port).as(Http.SECRETARIAT);
        Http viewer = Http.on(port).as(Http.VIEWER);

        HttpResponse<String> built = secretariat.post("/api/jobs/activity-register?period=2021-Q3", "");
        HttpResponse<String> again = secretariat.post("/api/jobs/activity-register?period=2021-Q3", "");

        assertThat(built.statusCode()).isEqualTo(200);
        assertThat(built.body()).contains("\"status\":\"COMPLETED\"", "activity-register-2021-Q3.csv");
        assertThat(again.body()).contains("\"status\":\"ALREADY_BUILT\"");
        assertThat(viewer.post("/api/jobs/activity-register?period=2021-Q2", "").statusCode()).isEqualTo(403);
        assertThat(secretariat.post("/api/jobs/activity-register?period=2021-Q9", "").body())
                .contains("'2021-Q9' is not a period");
        assertThat(secretariat.post("/api/jobs/no-such-job", "").statusCode()).isEqualTo(404);
        HttpResponse<String> history = viewer.get("/api/jobs");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("\"job\":\"activity-register\"", "\"status\":\"COMPLETED\"",
                "\"period\":\"2021-Q3\"");
    }
}
