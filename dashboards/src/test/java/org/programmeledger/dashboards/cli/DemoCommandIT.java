package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.demo.DemoUsers;
import org.programmeledger.ledger.importing.SeedData;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The main job through the real command line: the seed data in, CSV and chart out, twice the same. */
class DemoCommandIT {

    @TempDir
    Path temp;


    private Cli demo(String out, String store) {
        return Cli.run("demo", "--data", SeedData.folder().toString(),
                "--out", temp.resolve(out).toString(), "--store", temp.resolve(store).toString());
    }

    @Test
    void recordsTheSeedDataAndWritesTheSummaryAndTheChartTwiceByteForByte() throws IOException {
        Cli first = demo("out-1", "store-1");
        Cli second = demo("out-2", "store-2");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains(
                "07-item-completions.csv    item-completions    19 rows    19 events",
                "Recorded 136 events; the ledger is at position 136.",
                "Views caught up with the ledger at position 136.",
                "period-summary-gdhk-ipr-2020-mid-2022.csv",
                "trend-residents-passed-examination.png",
                "contest-applications-awards-gdhk-ipr-2020-mid-2022.svg",
                "summary-of-cooperation-items-gdhk-ipr-2020-mid-2022.pdf",
                "2020 - mid-2022: 19 items (19 completed; new in the period: 2, 8, 10, 14), 31 activities, 22 figures",
                "Events in the ledger: 136");
        for (String output : new String[] {"csv/period-summary-gdhk-ipr-2020-mid-2022.csv",
                "charts/trend-residents-passed-examination.png",
                "charts/participants-gdhk-ipr-2020-mid-2022.png", "charts/figures-by-side-gdhk-ipr-2020-mid-2022.svg",
                "charts/contest-applications-awards-gdhk-ipr-2020-mid-2022.png",
                "report/summary-of-cooperation-items-gdhk-ipr-2020-mid-2022.html",
                "report/summary-of-cooperation-items-gdhk-ipr-2020-mid-2022.pdf"}) {
            assertThat(Files.readAllBytes(temp.resolve("out-2").resolve(output)))
                    .as(output).isEqualTo(Files.readAllBytes(temp.resolve("out-1").resolve(output)));
        }
        assertThat(second.exitCode()).isZero();
        assertThat(temp.resolve("out-1/report/summary-of-cooperation-items-gdhk-ipr-2020-mid-2022.html")).content()
                .as("the charts built at the report's position are embedded")
                .contains("<figcaption>Participants in co-operation events, by item</figcaption>")
                .doesNotContain("were not built");
        BufferedImage chart = ImageIO.read(temp.resolve("out-1/charts/trend-residents-passed-examination.png")
                .toFile());
        assertThat(chart.getWidth()).isEqualTo(1000);
        assertThat(chart.getHeight()).isEqualTo(600);
        assertThat(Files.readString(temp.resolve(
                "out-1/charts/trend-residents-passed-examination.png.provenance.json")))
                .contains("\"ledgerPosition\" : 136", "\"job\" : \"trend-chart\"",
                        "\"metric\" : \"residents-passed-examination\"");
    }

    @Test
    void printsUsersOnePerRoleWhoSignInToTheDemoStoreWhenServed() throws Exception {
        Cli run = demo("out", "store");
        Path store = temp.resolve("store");

        assertThat(run.exitCode()).as(run.output()).isZero();
        Matcher sam = Pattern.compile("\\n  sam +(\\S+) +SECRETARIAT\\n").matcher(run.output());
        assertThat(sam.find()).as(run.output()).isTrue();
        assertThat(run.output()).containsPattern("\\n  avery +\\S+ +APPROVER\\n")
                .containsPattern("\\n  ada +\\S+ +AUDITOR\\n").containsPattern("\\n  vic +\\S+ +VIEWER\\n");
        assertThat(Files.getPosixFilePermissions(store.resolve(DemoUsers.FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(store.resolve(DemoUsers.FILE))).doesNotContain(sam.group(1));
        List<String> serve = new ArrayList<>(List.of("--spring.main.web-application-type=servlet", "--server.port=0"));
        serve.addAll(DemoUsers.settings(store));
        try (ConfigurableApplicationContext server = Application.start(store, temp.resolve("out"),
                serve.toArray(String[]::new))) {
            URI periods = URI.create("http://localhost:" + ((WebServerApplicationContext) server).getWebServer()
                    .getPort() + "/api/plan-periods");
            assertThat(get(periods, "sam:" + sam.group(1)).statusCode()).isEqualTo(200);
            assertThat(get(periods, "sam:not-the-password").statusCode()).isEqualTo(401);
            HttpResponse<String> correction = readmeCorrection(periods.resolve("/"), "sam:" + sam.group(1));
            assertThat(correction.statusCode()).as(correction.body()).isEqualTo(200);
            assertThat(correction.body()).contains("/api/plan-periods/gdhk-ipr-2020-mid-2022/figures/2.2.2");
        }
        assertThat(DemoUsers.settings(temp.resolve("another-store"))).as("on no other store").isEmpty();
    }

    /** The curl command of the README's quick start, as written there, sent to the demo's store. */
    private static HttpResponse<String> readmeCorrection(URI server, String credentials) throws Exception {
        String readme = Files.readString(SeedData.folder().resolveSibling("README.md"));
        Matcher curl = Pattern.compile("curl -u sam -H 'Content-Type: application/json' \\\\\\s+"
                + "http://localhost:8080(\\S+)\\s+\\\\\\s+-d '([^']+)'").matcher(readme);
        assertThat(curl.find()).as("the README's curl command").isTrue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.resolve(curl.group(1)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(curl.group(2))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI uri, String credentials) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsAgainFromAnEmptyStoreEachTime() {
        Cli first = demo("out", "store");
        Cli again = demo("out", "store");

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("Recorded 136 events; the ledger is at position 136.");
        assertThat(first.output()).contains("Events in the ledger: 136");
    }

    @Test
    void saysSoWhenThereIsNothingToImport() {
        Cli run = Cli.run("demo", "--data", temp.resolve("empty").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).startsWith("No import files (*.csv) in");
    }

    @Test
    void answersHelpWithoutStartingTheApplication() {
        Cli run = Cli.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("Usage: ledger", "demo");
    }
}
