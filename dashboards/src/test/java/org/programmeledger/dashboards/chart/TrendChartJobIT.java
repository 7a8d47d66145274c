package org.programmeledger.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.dashboards.LedgerApplication;
import org.programmeledger.ledger.importing.ImportListener;
import org.programmeledger.ledger.importing.ImportReport;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The trend-chart and trend-series jobs over HTTP by their documented parameter, {@code metric}, on the seed
 * programme: any metric the ledger holds is drawn, and a misspelt one is refused with the list of metrics
 * before anything is written.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.main.web-application-type=servlet",
                "ledger.store.directory=./target/test-stores/trend-chart-${random.uuid}",
                "ledger.output.directory=target/trend-chart-it-out",
                "ledger.security.users[0].name=sam",
                "ledger.security.users[0].password-hash=$2a$04$q6XhBsIzlBKiVnMRooE05u8KO9fhq2aagCRzHSymDKeek8SlBMxCe",
                "ledger.security.users[0].role=SECRETARIAT",
                "ledger.security.users[1].name=vic",
                "ledger.security.users[1].password-hash=$2a$04$M3Tl/asREe9Ync4/3I8L.euvwUe873vnue46do7fMyTounASiQKPq",
                "ledger.security.users[1].role=VIEWER"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendChartJobIT {

    private static final Path CHARTS = Path.of("target/trend-chart-it-out/charts");
    private static final Path CSV = Path.of("target/trend-chart-it-out/csv");

    @LocalServerPort
    int port;
    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;

    @BeforeAll
    void recordTheSeedProgramme() throws Exception {
        assertThat(importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"),
                ImportListener.SILENT)).allMatch(ImportReport::accepted);
        views.awaitHead(Duration.ofSeconds(60));
    }

    @Test
    void drawsTheExamPassesByTheMetricParameterAsTheDashboardDrawsThem() throws Exception {
        HttpResponse<String> built = Http.on(port)
                .post("/api/jobs/trend-chart?metric=residents-passed-examination", "");

        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        assertThat(built.body()).contains("\"status\":\"COMPLETED\"", "trend-residents-passed-examination.png");
        byte[] written = Files.readAllBytes(CHARTS.resolve("trend-residents-passed-examination.png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(written));
        assertThat(image.getWidth()).isEqualTo(ChartImages.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartImages.HEIGHT);
        assertThat(bytes("/charts/trends/residents-passed-examination.png")).as("the dashboard's drawing")
                .isEqualTo(written);
        assertThat(Files.readString(CHARTS.resolve("trend-residents-passed-examination.png.provenance.json")))
                .contains("\"job\" : \"trend-chart\"", "\"metric\" : \"residents-passed-examination\"");
    }

    @Test
    void drawsAFlowMetricToo() {
        HttpResponse<String> built = Http.on(port).post("/api/jobs/trend-chart?metric=valid-applications", "");

        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        assertThat(CHARTS.resolve("trend-valid-applications.png")).isNotEmptyFile();
    }

    @Test
    void refusesAMisspeltOrMissingMetricWithTheListOfMetricsAndWritesNothing() {
        Http secretariat = Http.on(port);

        HttpResponse<String> chart = secretariat.post("/api/jobs/trend-chart?metric=partcipants", "");
        HttpResponse<String> series = secretariat.post("/api/jobs/trend-series?metric=partcipants", "");
        HttpResponse<String> none = secretariat.post("/api/jobs/trend-chart", "");

        assertThat(chart.statusCode()).isEqualTo(400);
        assertThat(chart.body()).contains("no chartable metric 'partcipants' in the ledger; metrics: ",
                "participants", "residents-passed-examination", "valid-applications");
        assertThat(series.statusCode()).isEqualTo(400);
        assertThat(series.body()).contains("no metric 'partcipants' in the ledger; metrics: ", "participants");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(CHARTS.resolve("trend-partcipants.png")).doesNotExist();
        assertThat(CSV.resolve("trend-series-partcipants-year.csv")).doesNotExist();
        assertThat(Http.on(port).as(Http.VIEWER).get("/charts/trends/partcipants.png").statusCode()).isEqualTo(404);
    }

    private byte[] bytes(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(Http.VIEWER.getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
