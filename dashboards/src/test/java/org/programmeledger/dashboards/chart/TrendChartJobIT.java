package org.programmeledger.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.dashboards.LedgerApplication;
import org.programmeledger.dashboards.views.DashboardQueries;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
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
    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";
    private static final Color HONG_KONG = new Color(0x1f, 0x5f, 0x8b);

    @LocalServerPort
    int port;
    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    CommandGateway commands;
    @Autowired
    DashboardQueries queries;
    @Autowired
    KnownMetrics metrics;

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

    /**
     * Two totals since 2004, recorded for January 2020 and June 2022, and nothing between. (A total up to 2004
     * alone cannot be recorded yet: a figure must reach into its plan period, issue #18's programme-level facts.)
     */
    @Test
    void drawsTwoRecordedRunningTotalsAsTwoMarkersAndNoLine() throws Exception {
        commands.sendAndWait(new DefineMetric("exam-passes-history", "Exam passes since 2004", List.of("residents"),
                Aggregation.CUMULATIVE, true, "residents who passed since 2004", "test history"));
        recordPassesSince2004("15.9.1", "40", LocalDate.of(2020, 1, 31));
        recordPassesSince2004("15.9.2", "75", LocalDate.of(2022, 6, 30));
        views.awaitHead(Duration.ofMinutes(2));

        HttpResponse<String> built = Http.on(port).post("/api/jobs/trend-chart?metric=exam-passes-history", "");

        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        BufferedImage file = ImageIO.read(CHARTS.resolve("trend-exam-passes-history.png").toFile());
        // Where the markers are: the same chart drawn again from the same views has the same layout.
        JFreeChart chart = TrendChart.draw("exam-passes-history", metrics.label("exam-passes-history"),
                queries.figuresOf("exam-passes-history"), views.position().position());
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT, BufferedImage.TYPE_INT_RGB, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        double x1 = x(plot, area, LocalDate.of(2020, 1, 31));
        double y1 = plot.getRangeAxis().valueToJava2D(40, area, plot.getRangeAxisEdge());
        double x2 = x(plot, area, LocalDate.of(2022, 6, 30));
        double y2 = plot.getRangeAxis().valueToJava2D(75, area, plot.getRangeAxisEdge());

        assertThat(distance(file, x1, y1)).as("the marker of January 2020").isLessThan(40);
        assertThat(distance(file, x2, y2)).as("the marker of June 2022").isLessThan(40);
        for (double t = 0.2; t < 0.85; t += 0.05) {
            assertThat(distance(file, x1 + t * (x2 - x1), y1 + t * (y2 - y1))).as("between the markers at " + t)
                    .isGreaterThan(120);
        }
    }

    private static double x(XYPlot plot, Rectangle2D area, LocalDate day) {
        return plot.getDomainAxis().valueToJava2D(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), area,
                plot.getDomainAxisEdge());
    }

    /** How far the colour of a pixel is from the Hong Kong series' colour. */
    private static double distance(BufferedImage image, double x, double y) {
        Color pixel = new Color(image.getRGB((int) Math.round(x), (int) Math.round(y)));
        return Math.sqrt(Math.pow(pixel.getRed() - HONG_KONG.getRed(), 2)
                + Math.pow(pixel.getGreen() - HONG_KONG.getGreen(), 2)
                + Math.pow(pixel.getBlue() - HONG_KONG.getBlue(), 2));
    }

    private void recordPassesSince2004(String figureId, String value, LocalDate asAt) {
        commands.sendAndWait(new RecordFigure(PERIOD, figureId, 15, null, "exam-passes-history",
                new BigDecimal(value), "residents", Qualifier.EXACTLY, Side.HONG_KONG,
                Extent.range(LocalDate.of(2004, 1, 1), asAt), Basis.CUMULATIVE, "test history"));
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
