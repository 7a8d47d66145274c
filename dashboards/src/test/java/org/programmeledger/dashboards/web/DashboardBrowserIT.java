package org.programmeledger.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
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
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.programmeledger.analytics.jobs.JobRunner;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.dashboards.LedgerApplication;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.importing.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.web.Http;
import org.springframework.batch.core.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromedriver, never downloaded), on the real
 * application with the seed programme recorded: a reader signs in with HTTP Basic, reads the overview,
 * follows an item, opens a chart and downloads a CSV. Screenshots go to target/screenshots.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.main.web-application-type=servlet",
                "ledger.store.directory=./target/test-stores/dashboard-${random.uuid}",
                "ledger.output.directory=target/dashboard-it-out",
                "ledger.security.users[0].name=vic",
                "ledger.security.users[0].password-hash=$2a$04$M3Tl/asREe9Ync4/3I8L.euvwUe873vnue46do7fMyTounASiQKPq",
                "ledger.security.users[0].role=VIEWER"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";

    @LocalServerPort
    int port;
    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    JobRunner jobs;
    @Autowired
    Job periodSummaryJob;  // by its bean name: the application has several jobs
    @Autowired
    CommandGateway commands;

    private WebDriver browser;
    private Path profile;

    @BeforeAll
    void recordTheSeedAndOpenTheBrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").isExecutable();
        importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
        views.awaitHead(Duration.ofSeconds(60));
        jobs.run(periodSummaryJob, Map.of("period", PERIOD));
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("chromium-profile");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options(profile));
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
        return options;
    }

    @AfterAll
    void closeTheBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private void open(String path) {
        browser.get("http://vic:viewer-test@localhost:" + port + path);
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(1)
    void theOverviewShowsTheItemsWithTheirStatusAndTheFiguresWithTheirQualifiers() throws IOException {
        open("/");

        assertThat(browser.getTitle()).isEqualTo("Overview · Programme Ledger");
        assertThat(text(By.tagName("h1")))
                .isEqualTo("Guangdong/Hong Kong Expert Group on the Protection of Intellectual Property Rights");
        assertThat(text(By.cssSelector(".period .dates"))).contains("19 items, 19 completed");
        List<WebElement> items = browser.findElements(By.cssSelector("table.items tbody tr"));
        assertThat(items).hasSize(19);
        assertThat(items.get(1).getText()).contains("Continuing to reinforce IP talent nurturing", "new in the period",
                "completed");
        assertThat(text(By.id("figure-6.1.2"))).contains("infringing items seized", "more than 6980000 items",
                "Guangdong");
        assertThat(text(By.id("figure-6.1.4"))).contains("about 170000 articles");
        assertThat(text(By.cssSelector("p.source"))).startsWith("Source: Programme Ledger, events up to ledger position 136");
        screenshot("overview");
        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("overview-phone");
        assertThat(browser.findElement(By.cssSelector("table.items")).getSize().getWidth()).isLessThanOrEqualTo(390);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    @Order(2)
    void anItemShowsItsActivitiesInDateOrderWithTheirPrecisionItsFiguresAndOrganisationsByName() throws IOException {
        open("/");
        browser.findElement(By.linkText("Continuing to reinforce IP talent nurturing in Guangdong, Hong Kong and Macao"))
                .click();

        assertThat(text(By.tagName("h1"))).startsWith("Item 2. Continuing to reinforce IP talent nurturing");
        List<WebElement> timeline = browser.findElements(By.cssSelector("ol.timeline li"));
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).getText()).contains("December 2020 (month)", "Start-Up Business Development Course",
                "Intellectual Property Department");
        assertThat(timeline.get(1).getText()).contains("From April 2021 to May 2021 (range)");
        assertThat(text(By.cssSelector("ul.organisations"))).contains("(lead)", "(participating)");
        assertThat(text(By.id("figure-2.1.1"))).contains("more than 250 persons").doesNotContain("corrected");
        assertThat(text(By.id("figure-2.2.2"))).contains("1268 professionals");
        screenshot("item-2");
    }

    @Test
    @Order(3)
    void theChartsPageShowsChartsDrawnFromTheLedger() throws Exception {
        open("/charts");

        List<WebElement> images = browser.findElements(By.cssSelector("img"));
        assertThat(images).extracting(image -> URI.create(image.getAttribute("src")).getPath()).contains(
                "/charts/trends/exam-passes.png", "/charts/" + PERIOD + "/contest-applications-awards.png",
                "/charts/" + PERIOD + "/participants.png", "/charts/" + PERIOD + "/figures-by-side.png");
        for (WebElement image : images) {
            Object width = ((JavascriptExecutor) browser)
                    .executeScript("return arguments[0].naturalWidth", image);
            assertThat(((Number) width).intValue()).as(image.getAttribute("src") + " loaded").isEqualTo(1000);
        }
        screenshot("charts");

        open("/charts/" + PERIOD + "/contest-applications-awards.png");
        assertThat(browser.findElement(By.tagName("img")).getAttribute("src")).endsWith("contest-applications-awards.png");
        HttpResponse<byte[]> chart = bytes("/charts/" + PERIOD + "/contest-applications-awards.png");
        Files.write(SCREENSHOTS.resolve("chart-contest.png"), chart.body());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.body()));
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(chart.headers().firstValue("Ledger-Position")).hasValue("136");
    }

    @Test
    @Order(4)
    void aCsvIsDownloadedFromTheDownloadsPage() throws IOException {
        open("/downloads");
        WebElement link = browser.findElement(By.linkText("period-summary-" + PERIOD + ".csv"));
        String href = link.getAttribute("href");
        screenshot("downloads");

        HttpResponse<String> csv = http().get(href.substring(href.indexOf("/downloads/")));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).contains("attachment"));
        assertThat(csv.body()).contains("more than 6980000", "infringing-items-seized");
        assertThat(http().get("/downloads/csv/..%2F..%2Fpom.xml").statusCode()).isIn(400, 404);
        assertThat(http().get("/downloads/store/ledger.mv.db").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void aCorrectedFigureIsMarkedAndARetractedActivityStruckOut() throws Exception {
        commands.sendAndWait(new CorrectFigure(PERIOD, "2.1.1", new BigDecimal("260"), Qualifier.ABOUT,
                "the course register counts 260"));
        commands.sendAndWait(new RetractActivity(PERIOD, "2.2", "recorded under the wrong item"));
        views.awaitHead(Duration.ofSeconds(30));

        open("/periods/" + PERIOD + "/items/2");

        assertThat(text(By.id("figure-2.1.1"))).contains("about 260 persons", "corrected");
        assertThat(text(By.id("activity-2.2"))).contains("retracted");
        assertThat(browser.findElement(By.id("activity-2.2")).getAttribute("class")).isEqualTo("retracted");
        assertThat(text(By.id("figure-2.2.2"))).contains("retracted");
        screenshot("item-2-corrected");
    }

    private HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(Http.VIEWER.getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Http http() {
        return Http.on(port).as(Http.VIEWER);
    }
}
