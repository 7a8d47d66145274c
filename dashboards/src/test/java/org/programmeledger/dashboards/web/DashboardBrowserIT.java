package org.programmeledger.dashboards.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import javax.imageio.ImageIO;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.programmeledger.ledger.store.StoreSettings;
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
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RecordProgrammeAlternativeValue;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.api.SourceReference;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.service.ImportListener;
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
                "ledger.security.users[0].role=VIEWER",
                "ledger.security.users[1].name=sam",
                "ledger.security.users[1].password-hash=$2a$04$q6XhBsIzlBKiVnMRooE05u8KO9fhq2aagCRzHSymDKeek8SlBMxCe",
                "ledger.security.users[1].role=SECRETARIAT",
                "ledger.security.users[2].name=ada",
                "ledger.security.users[2].password-hash=$2a$04$ag3Dvt5JyolHu3qPi9r02.QBsfAz3/XR31SCd0cxrOh0/W/VgmadC",
                "ledger.security.users[2].role=AUDITOR",
                "ledger.security.users[3].name=april",
                "ledger.security.users[3].password-hash=$2a$04$DQS7PefX1kFbM4YBSElgeekUhIKXwpknhi7LTk26knk3N81l782Nm",
                "ledger.security.users[3].role=APPROVER"})
@ExtendWith(OutputCaptureExtension.class)
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
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StoreSettings store;

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
        visit("http://vic:viewer-test@localhost:" + port + path);
    }

    private void visit(String url) {
        loading(() -> browser.get(url));
    }

    /** Clicks a link or a form's button and waits for the page it leads to. */
    private void follow(By control) {
        loading(() -> browser.findElement(control).click());
    }

    /**
     * Runs what loads a page, then waits until that page has replaced the one before and has loaded whole:
     * Chromium 150's driver answered a get() while the page was still being parsed (33 of its 46 table rows), and a
     * click does not wait at all. A rebuild's answer comes once every output is built, hence the two minutes.
     */
    private void loading(Runnable navigation) {
        WebElement before = browser.findElement(By.tagName("html"));
        navigation.run();
        new WebDriverWait(browser, Duration.ofMinutes(2)).until(ExpectedConditions.and(
                ExpectedConditions.stalenessOf(before),
                page -> "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState"))));
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
        follow(By.linkText("Continuing to reinforce IP talent nurturing in Guangdong, Hong Kong and Macao"));

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
        open("/charts?metric=residents-passed-examination");

        List<WebElement> images = browser.findElements(By.cssSelector("img"));
        assertThat(images).extracting(image -> URI.create(image.getAttribute("src")).getPath()).contains(
                "/charts/trends/residents-passed-examination.png",
                "/charts/" + PERIOD + "/contest-applications-awards.png",
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
        views.awaitHead(Duration.ofMinutes(2));

        open("/periods/" + PERIOD + "/items/2");

        assertThat(text(By.id("figure-2.1.1"))).contains("about 260 persons", "corrected");
        assertThat(text(By.id("activity-2.2"))).contains("retracted");
        assertThat(browser.findElement(By.id("activity-2.2")).getAttribute("class")).isEqualTo("retracted");
        assertThat(text(By.id("figure-2.2.2"))).contains("retracted");
        screenshot("item-2-corrected");
    }

    /**
     * A secretariat user signed in to the ledger opens a page of another origin (a second server on another
     * port of the same host, so the browser still sends the ledger's credentials), which tries what a page may
     * do without a CORS preflight: a form POST starting a job, a {@code text/plain} fetch making a backup,
     * a bodyless fetch submitting the period. Each request reaches the server and is refused.
     */
    @Test
    @Order(6)
    void aPageOfAnotherOriginCannotChangeAnythingWithTheSignedInUsersCredentials(CapturedOutput log)
            throws Exception {
        long events = eventCount();
        int jobRuns = jobExecutions();
        List<Path> backups = backups();
        String ledger = "http://localhost:" + port;
        String page = """
                <!doctype html><title>attack</title>
                <iframe name="sink"></iframe>
                <form id="job" method="post" target="sink" action="%1$s/api/jobs/activity-register?period=2021-Q3">
                  <input name="period" value="2021-Q3"></form>
                <script>
                  const sunk = new Promise(done => document.querySelector('iframe').onload = done);
                  document.getElementById('job').submit();
                  Promise.all([sunk,
                      fetch('%1$s/api/backups', {method: 'POST', mode: 'no-cors', credentials: 'include',
                          headers: {'Content-Type': 'text/plain'}, body: '{}'}),
                      fetch('%1$s/api/plan-periods/%2$s/submission', {method: 'POST', mode: 'no-cors',
                          credentials: 'include'})])
                    .finally(() => document.title = 'done');
                </script>""".formatted(ledger, PERIOD);
        HttpServer attacker = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] html = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        attacker.start();
        try {
            visit("http://sam:secretariat-test@localhost:" + port + "/");
            assertThat(browser.getTitle()).isEqualTo("Overview · Programme Ledger");
            assertThat(browser.manage().getCookieNamed("XSRF-TOKEN")).as("the token's cookie, sent to the ledger "
                    + "by the other origin's requests too; the browser holds " + browser.manage().getCookies())
                    .isNotNull();
            browser.get("http://localhost:" + attacker.getAddress().getPort() + "/attack.html");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs("done"));
            screenshot("cross-site-attack");
        } finally {
            attacker.stop(0);
        }

        assertThat(log.getAll()).contains("Refused POST /api/jobs/activity-register from",
                "Refused POST /api/backups from", "Refused POST /api/plan-periods/" + PERIOD + "/submission from");
        assertThat(eventCount()).as("events in the ledger").isEqualTo(events);
        assertThat(jobExecutions()).as("job executions").isEqualTo(jobRuns);
        assertThat(backups()).as("backups").isEqualTo(backups);
    }

    /**
     * A history written for this test (not the seed's): a fact of the plan period itself with its bounds, date
     * label and source; a seizure part of a total already recorded; a second source's value for a contest's
     * applications, shown with both sources until one is adopted with a reason; and the metric catalogue.
     */
    @Test
    @Order(7)
    void theDashboardShowsBoundsSourcesDisputesPartsFactsOfThePlanPeriodAndTheMetricCatalogue() throws Exception {
        commands.sendAndWait(new RecordFigure(PERIOD, "p.1", null, null, "participants", new BigDecimal("90"),
                new BigDecimal("120"), "persons", Qualifier.BETWEEN, Side.JOINT, Extent.parse("2021"),
                "the 14th meeting", Basis.FLOW, null, "between 90 and 120 delegates attended",
                SourceReference.of("Minutes of the 14th meeting", "2021-11-05", "para. 3",
                        "https://example.org/minutes-14")));
        commands.sendAndWait(new RecordFigure(PERIOD, "6.9.1", 6, null, "infringing-items-seized",
                new BigDecimal("400000"), null, "items", Qualifier.NEARLY, Side.GUANGDONG, Extent.parse("2021-05"),
                null, Basis.FLOW, "6.1.2", "nearly 400000 items in one operation", null));
        commands.sendAndWait(new RecordAlternativeValue(PERIOD, "3.2.1", new BigDecimal("902"), null,
                Qualifier.EXACTLY, "902 applications", SourceReference.of("Press release", "2021-12-01", "p. 2",
                        "javascript:alert(1)")));
        views.awaitHead(Duration.ofMinutes(2));

        open("/");
        assertThat(text(By.id("figure-p.1"))).contains("between 90 and 120 persons",
                "Source: Minutes of the 14th meeting, 2021-11-05, para. 3", "the 14th meeting; 2021");
        assertThat(browser.findElement(By.cssSelector("#figure-p\\.1 a")).getAttribute("href"))
                .isEqualTo("https://example.org/minutes-14");
        assertThat(text(By.cssSelector("table.period-facts"))).contains("p.1");
        assertThat(text(By.cssSelector("table.figures"))).doesNotContain("p.1");
        assertThat(text(By.id("figure-6.9.1"))).contains("nearly 400000 items", "part of 6.1.2");
        String disputed = text(By.id("figure-3.2.1"));
        assertThat(disputed).contains("disputed: 1090 or 902 applications", "902 applications: Press release, "
                + "2021-12-01, p. 2").doesNotContain("adopted");
        assertThat(browser.findElements(By.cssSelector("#figure-3\\.2\\.1 a"))).as("no javascript: link").isEmpty();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("figure-3.2.1")));
        screenshot("overview-disputed");

        commands.sendAndWait(new AdoptValue(PERIOD, "3.2.1", 0, "the contest's final report counts 1090"));
        views.awaitHead(Duration.ofMinutes(2));
        open("/periods/" + PERIOD + "/items/3");
        assertThat(text(By.id("figure-3.2.1"))).contains("1090 applications").doesNotContain("disputed")
                .contains("adopted: the contest's final report counts 1090", "902 applications: Press release");

        commands.sendAndWait(new RecordProgrammeFigure("gdhk-ipr", "g.14", "participants", new BigDecimal("60"),
                null, "persons", Qualifier.ABOUT, Side.JOINT, Extent.unstated(), "the 14th meeting", Basis.FLOW, null,
                "about 60 took part", SourceReference.of("Minutes of the 14th meeting", null, null, null)));
        commands.sendAndWait(new RecordProgrammeAlternativeValue("gdhk-ipr", "g.14", new BigDecimal("58"), null,
                Qualifier.EXACTLY, "58 delegates", SourceReference.of("Press release", "2021-11", null, null)));
        views.awaitHead(Duration.ofMinutes(2));
        open("/");
        assertThat(text(By.cssSelector("section.programme-facts h2"))).isEqualTo("Facts of the programme: "
                + "Guangdong/Hong Kong Expert Group on the Protection of Intellectual Property Rights");
        assertThat(text(By.id("programme-figure-g.14"))).contains("disputed: about 60 or 58 persons",
                "the 14th meeting; date not stated", "58 persons: Press release, 2021-11, \u201c58 delegates\u201d");

        open("/metrics");
        assertThat(browser.getTitle()).isEqualTo("Metrics · Programme Ledger");
        assertThat(browser.findElements(By.cssSelector("table.metrics tbody tr"))).hasSize(jdbc.queryForObject(
                "SELECT COUNT(*) FROM view_metric", Integer.class));
        assertThat(text(By.id("metric-participants"))).contains("Participants", "persons",
                "sum: adds up within a period");
        assertThat(text(By.id("metric-residents-passed-examination"))).contains("cumulative: a running total");
        screenshot("metrics");
    }

    /**
     * The interface in each language, the records as recorded: the switch keeps the page, {@code lang} names the
     * language, and at a phone's 390 pixels nothing is wider than the screen. Screenshots of each go to docs/.
     */
    @ParameterizedTest
    @CsvSource({"en, Overview, Guangdong, more than 6980000 items, Items",
            "zh-TW, 概覽, 廣東, 超過 6980000 items, 合作項目",
            "zh-CN, 概览, 广东, 超过 6980000 items, 合作项目"})
    @Order(8)
    void theWholeInterfaceReadsInEachLanguageOnADesktopAndAPhone(String language, String overview, String guangdong,
                                                                  String seized, String items) throws IOException {
        open("/?lang=" + language);

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser.getTitle()).isEqualTo(overview + " · Programme Ledger");
        assertThat(text(By.cssSelector("header nav a"))).isEqualTo(overview);
        assertThat(text(By.cssSelector(".period h3"))).isEqualTo(items);
        assertThat(text(By.id("figure-6.1.2"))).contains(seized, guangdong);
        assertThat(text(By.cssSelector("table.items"))).as("titles are the ledger's, never translated")
                .contains("Continuing to reinforce IP talent nurturing");
        screenshot("overview-" + language);
        open("/periods/" + PERIOD + "/items/2");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as("the choice is remembered")
                .isEqualTo(language);
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            screenshot("item-2-" + language + "-phone");
            assertThat(pageWidth()).as("item page at 390 px").isLessThanOrEqualTo(390);
            open("/");
            screenshot("overview-" + language + "-phone");
            assertThat(pageWidth()).as("overview at 390 px").isLessThanOrEqualTo(390);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private long pageWidth() {
        return ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    @Test
    @Order(9)
    void theBrowsersLanguageChoosesTheInterfacesAndEnglishIsTheDefault() throws Exception {
        assertThat(http().header("Accept-Language", "zh-HK,zh;q=0.8").get("/").body())
                .contains("<html lang=\"zh-TW\"", "概覽");
        assertThat(http().header("Accept-Language", "zh-CN").get("/").body()).contains("<html lang=\"zh-CN\"", "概览");
        assertThat(http().header("Accept-Language", "fr-FR").get("/").body()).contains("<html lang=\"en\"", "Overview");
        assertThat(http().get("/").body()).contains("<html lang=\"en\"");
    }

    @Test
    @Order(10)
    void aMissingItemIsAPageInTheReadersLanguageNotJson() throws Exception {
        open("/periods/" + PERIOD + "/items/99?lang=en");

        assertThat(text(By.tagName("h1"))).isEqualTo("Not found");
        assertThat(text(By.cssSelector("p.refusal"))).isEqualTo("The plan period " + PERIOD + " has no item 99.");
        screenshot("not-found");
        HttpResponse<String> missing = http().header("Accept-Language", "zh-TW").get("/periods/" + PERIOD + "/items/99");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(missing.body()).contains("計劃期 " + PERIOD + " 沒有第 99 項。");
        assertThat(http().get("/periods/no-such-period/items/1").body()).contains("The ledger holds no plan period "
                + "no-such-period.");
    }

    @Test
    @Order(11)
    void itemsAreSearchedFilteredSortedAndDownloadedAsCsvAndChartsNameThem() throws Exception {
        open("/?lang=en&q=talent");
        assertThat(browser.findElements(By.cssSelector("table.items tbody tr"))).hasSize(1);
        assertThat(text(By.cssSelector("table.items tbody tr"))).contains("Continuing to reinforce IP talent");
        assertThat(browser.findElements(By.cssSelector("table.figures:not(.period-facts) tbody tr")))
                .allSatisfy(row -> assertThat(row.findElement(By.cssSelector("td")).getText()).isEqualTo("2"));

        open("/?side=HONG_KONG");
        List<WebElement> hongKong = browser.findElements(By.cssSelector("table.figures tbody tr td:nth-child(4)"));
        assertThat(hongKong).isNotEmpty().allSatisfy(side -> assertThat(side.getText()).isEqualTo("Hong Kong"));

        open("/");
        List<String> ascending = titles();
        follow(By.linkText("Title"));
        List<String> byTitle = titles();
        assertThat(byTitle).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).containsExactlyInAnyOrderElementsOf(ascending);
        follow(By.linkText("Title"));
        List<String> descending = new ArrayList<>(byTitle);
        Collections.reverse(descending);
        assertThat(titles()).containsExactlyElementsOf(descending);
        assertThat(browser.findElement(By.cssSelector("th[aria-sort]")).getAttribute("aria-sort")).isEqualTo("descending");
        screenshot("overview-sorted");

        String csv = http().get("/items.csv?q=talent").body();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("period,item,title,area,status").contains(",2,\"Continuing to reinforce IP talent");
        String guangdong = http().get("/figures.csv?side=GUANGDONG").body();
        assertThat(guangdong).contains("6.1.2", "more than 6980000 items");
        assertThat(guangdong.lines().skip(1)).allSatisfy(row -> assertThat(row).contains(",guangdong,"));
        assertThat(http().get("/metrics.csv").body()).contains("residents-passed-examination");

        String chart = new String(bytes("/charts/" + PERIOD + "/participants.svg").body(), StandardCharsets.UTF_8);
        assertThat(chart).contains("Continuing to").doesNotContain(">Item 2<");
    }

    /** A plan period and a year each have a page; a figure reaching beyond the year is listed apart, whole. */
    @Test
    @Order(12)
    void aPlanPeriodAndAYearHaveAPageOfTheirOwn() throws Exception {
        open("/?lang=en");
        follow(By.linkText("Plan period 2020 - mid-2022"));
        assertThat(browser.getCurrentUrl()).endsWith("/periods/" + PERIOD);
        assertThat(browser.findElements(By.cssSelector("table.items tbody tr"))).hasSize(19);

        follow(By.linkText("2021"));
        assertThat(text(By.tagName("h1"))).isEqualTo("The year 2021");
        assertThat(text(By.cssSelector("table.activities"))).doesNotContain("December 2020")
                .contains("From April 2021 to May 2021");
        assertThat(text(By.id("figure-3.2.1"))).contains("1090 applications");
        assertThat(text(By.cssSelector("table.spanning"))).contains("more than 6980000 items",
                "From January 2020 to June 2022");
        assertThat(browser.findElements(By.id("figure-3.1.1"))).as("2020's contest is not in 2021").isEmpty();
        screenshot("year-2021");
        assertThat(http().get("/years/1999").statusCode()).isEqualTo(404);
        assertThat(http().get("/periods/no-such-period").statusCode()).isEqualTo(404);
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector("table.items tbody td:nth-child(2) a")).stream()
                .map(WebElement::getText).toList();
    }

    /** An item with many activities is read a page at a time: 50 to a page, with links on, and as one CSV. */
    @Test
    @Order(13)
    void anItemWithManyActivitiesIsPaged() throws Exception {
        commands.sendAndWait(new RegisterItem(PERIOD, 20, "A programme of seminars", null, true, List.of(), List.of(),
                null));
        for (int n = 1; n <= 120; n++) {
            commands.sendAndWait(new RecordActivity(PERIOD, "20." + n, 20, ActivityKind.SEMINAR, "Seminar " + n,
                    List.of(), List.of(), ActivityMode.ONLINE, Extent.parse("2021-03"), null));
        }
        views.awaitHead(Duration.ofSeconds(60));
        int recorded = jdbc.queryForObject("SELECT COUNT(*) FROM view_activity WHERE period_id = ? AND item_number = 20",
                Integer.class, PERIOD);

        open("/periods/" + PERIOD + "/items/20?lang=en");
        assertThat(browser.findElements(By.cssSelector("ol.timeline li"))).hasSize(50);
        assertThat(text(By.cssSelector("nav.pager"))).contains("Rows 1-50 of " + recorded, "page 1 of 3");
        follow(By.linkText("next \u203a"));
        assertThat(text(By.cssSelector("nav.pager"))).contains("Rows 51-100 of " + recorded, "page 2 of 3");
        assertThat(browser.findElements(By.cssSelector("ol.timeline li"))).hasSize(50);
        screenshot("item-paged");

        assertThat(http().get("/periods/" + PERIOD + "/items/20/activities.csv").body().split("\r\n"))
                .hasSize(recorded + 1);
    }

    /**
     * An auditor reads who recorded what about an item and a figure, when, why, and what it was before and after
     * (the correction of test 5); a viewer is told the history is for auditors.
     */
    @Test
    @Order(14)
    void anAuditorReadsTheHistoryOfAnItemAndAFigureWithWhoWhenWhyBeforeAndAfter() throws Exception {
        visit("http://ada:auditor-test@localhost:" + port + "/periods/" + PERIOD + "/items/2?lang=en");
        follow(By.linkText("History"));

        assertThat(text(By.tagName("h1"))).isEqualTo("History of item 2");
        String correction = text(By.xpath("//tr[td[4][contains(., 'figure corrected')]]"));
        assertThat(correction).contains("figure 2.1.1", "more than 250 persons", "about 260 persons",
                "the course register counts 260");
        assertThat(text(By.xpath("//tr[td[4][contains(., 'activity retracted')]]")))
                .contains("recorded under the wrong item");
        screenshot("history-item-2");
        follow(By.linkText("figure 2.1.1"));
        assertThat(text(By.tagName("h1"))).isEqualTo("History of figure 2.1.1");
        assertThat(browser.findElements(By.cssSelector("table.history tbody tr"))).hasSize(2);
        open("/periods/" + PERIOD + "/figures/2.1.1/history?lang=zh-TW");
        assertThat(text(By.tagName("h1"))).isEqualTo("您的角色不可閱覽");
        assertThat(http().get("/periods/" + PERIOD + "/figures/2.1.1/history").statusCode()).isEqualTo(403);
        assertThat(http().as(Http.AUDITOR).get("/periods/" + PERIOD + "/figures/9.9.9/history").statusCode())
                .isEqualTo(404);
    }

    /** A publication is listed with the SHA-256 of each file, its kept copy checked, and each file downloadable. */
    @Test
    @Order(15)
    void publicationsAreListedWithTheirChecksumsAndDownloaded() throws Exception {
        String api = "/api/plan-periods/" + PERIOD;
        assertThat(http().as(Http.SECRETARIAT).post(api + "/submission", "{\"comment\": \"for the meeting\"}")
                .statusCode()).isBetween(200, 204);
        assertThat(http().as(Http.APPROVER).post(api + "/approval", "{\"comment\": \"checked\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> published = http().as(Http.SECRETARIAT).post(api + "/publications",
                "{\"comment\": \"as sent to the Expert Group\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);

        open("/downloads?lang=en");
        WebElement publication = browser.findElement(By.id("publication-" + PERIOD + "-1"));
        assertThat(publication.getText()).contains("2020 - mid-2022, publication 1", "by sam",
                "as sent to the Expert Group");
        List<WebElement> files = publication.findElements(By.cssSelector("tbody tr"));
        assertThat(files).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).endsWith("intact"));
        WebElement first = files.get(0);
        String sha256 = first.findElement(By.cssSelector("code.checksum")).getText();
        String href = first.findElement(By.tagName("a")).getAttribute("href");
        screenshot("downloads-publications");

        HttpResponse<byte[]> file = bytes(href.substring(href.indexOf("/publications/")));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())))
                .isEqualTo(sha256);
        assertThat(http().get("/publications/" + PERIOD + "/1/file?path=../../../pom.xml").statusCode())
                .isEqualTo(404);
    }

    /**
     * Each download says whether it is current or from which position it was built; the secretariat's button
     * rebuilds every plan period's summary, charts and report and every trend chart that is out of date.
     */
    @Test
    @Order(16)
    void aStaleDownloadIsMarkedAndTheSecretariatRebuildsItWithAButton() throws Exception {
        String summary = "output-period-summary-" + PERIOD + ".csv";
        long now = views.position().position();
        open("/downloads?lang=en");
        assertThat(text(By.id(summary))).contains("built at position 136, ledger now at " + now);
        assertThat(browser.findElements(By.cssSelector("form.rebuild"))).as("a viewer has no rebuild button").isEmpty();

        visit("http://sam:secretariat-test@localhost:" + port + "/downloads?lang=en");
        follow(By.cssSelector("form.rebuild button"));
        assertThat(text(By.cssSelector("p.rebuilt"))).matches("\\d+ outputs built, \\d+ already current, 0 failed\\.");
        assertThat(text(By.id(summary))).endsWith("current (position " + now + ")");
        assertThat(text(By.id("output-summary-of-cooperation-items-" + PERIOD + ".html")))
                .endsWith("current (position " + now + ")");
        assertThat(text(By.id("output-participants-" + PERIOD + ".png"))).endsWith("current (position " + now + ")");
        assertThat(browser.findElements(By.cssSelector("td.stale"))).isEmpty();
        screenshot("downloads-rebuilt");
        assertThat(http().as(Http.VIEWER).post("/api/outputs/rebuild", "{}").statusCode()).isEqualTo(403);
    }

    /**
     * The rebuild button's form without its CSRF token is refused in Chromium and nothing is rebuilt; over HTTP,
     * with the token and cookie of the page it came from, the same form rebuilds what is out of date.
     */
    @Test
    @Order(17)
    void theRebuildButtonWithoutItsCsrfTokenIsRefusedAndWithTheTokenOfItsPageWorks() throws Exception {
        commands.sendAndWait(new RegisterOrganisation("csrf-test-office", "An office registered to date the outputs",
                null, Side.OTHER));
        views.awaitHead(Duration.ofMinutes(2));
        long now = views.position().position();
        String summary = "output-period-summary-" + PERIOD + ".csv";
        visit("http://sam:secretariat-test@localhost:" + port + "/downloads?lang=en");
        assertThat(text(By.id(summary))).endsWith("ledger now at " + now);

        ((JavascriptExecutor) browser).executeScript("document.querySelector('form.rebuild input[name=_csrf]').remove()");
        follow(By.cssSelector("form.rebuild button"));
        assertThat(text(By.tagName("body"))).contains("\"status\":403",
                "This form is out of date or not one of the ledger's pages");
        open("/downloads?lang=en");
        assertThat(text(By.id(summary))).as("nothing rebuilt").endsWith("ledger now at " + now);

        Http secretariat = Http.on(port).as(Http.SECRETARIAT);
        HttpResponse<String> page = secretariat.get("/downloads?lang=en");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(set -> set.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow().split(";")[0];
        Matcher hidden = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(hidden.find()).as("the form's hidden token").isTrue();
        Http sameOrigin = secretariat.header("Sec-Fetch-Site", "same-origin").header("Cookie", cookie);
        assertThat(sameOrigin.postForm("/api/outputs/rebuild", "").statusCode()).isEqualTo(403);
        HttpResponse<String> rebuilt = sameOrigin.postForm("/api/outputs/rebuild",
                "_csrf=" + URLEncoder.encode(hidden.group(1), StandardCharsets.UTF_8));
        assertThat(rebuilt.statusCode()).isEqualTo(303);
        assertThat(rebuilt.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).contains("/downloads?", "failed=0"));
        open("/downloads?lang=en");
        assertThat(text(By.id(summary))).endsWith("current (position " + now + ")");
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private List<Path> backups() throws IOException {
        Path folder = store.directory().toAbsolutePath().resolveSibling("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private int jobExecutions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class);
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
