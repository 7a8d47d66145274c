package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.report.PositionRendering;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.audit.AuditTrail;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.LedgerHead;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.web.Http;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The seed period's way to publication on the running server, each step by its role; a correction after
 * publication shown by the diff; the publication rebuilt byte for byte from its position; and the
 * command line's verify, report --at and diff on the same store.
 */
class PublicationIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";
    private static final String PERIOD_API = "/api/plan-periods/" + PERIOD;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] USERS = {
        "--ledger.security.users[0].name=sam",
        "--ledger.security.users[0].password-hash=$2a$04$q6XhBsIzlBKiVnMRooE05u8KO9fhq2aagCRzHSymDKeek8SlBMxCe",
        "--ledger.security.users[0].role=SECRETARIAT",
        "--ledger.security.users[1].name=april",
        "--ledger.security.users[1].password-hash=$2a$04$DQS7PefX1kFbM4YBSElgeekUhIKXwpknhi7LTk26knk3N81l782Nm",
        "--ledger.security.users[1].role=APPROVER",
        "--ledger.security.users[2].name=vic",
        "--ledger.security.users[2].password-hash=$2a$04$M3Tl/asREe9Ync4/3I8L.euvwUe873vnue46do7fMyTounASiQKPq",
        "--ledger.security.users[2].role=VIEWER"};

    @TempDir
    Path temp;

    private ConfigurableApplicationContext serve() {
        List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=servlet",
                "--server.port=0"));
        arguments.addAll(List.of(USERS));
        return Application.start(temp.resolve("store"), temp.resolve("out"), arguments.toArray(String[]::new));
    }

    /**
     * Every output file and folder (the publication's, and the charts, CSV and report it rendered) has the
     * permissions of a file or folder newly made under the process's umask, not owner-only.
     */
    private void assertModesOfTheUmask(Path out) throws IOException {
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.createFile(temp.resolve("umask-file")));
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(Files.createDirectory(temp.resolve("umask")));
        List<Path> all;
        try (Stream<Path> walk = Files.walk(out)) {
            all = walk.toList();
        }
        assertThat(all).filteredOn(Files::isRegularFile).hasSizeGreaterThan(5);
        for (Path path : all) {
            assertThat(Files.getPosixFilePermissions(path)).as(path.toString())
                    .isEqualTo(Files.isDirectory(path) ? folder : file);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void theSeedPeriodIsApprovedPublishedCorrectedAndDiffed() throws Exception {
        long publishedAt;
        List<PublishedFile> published;
        String port;
        try (ConfigurableApplicationContext server = serve()) {
            int serverPort = ((WebServerApplicationContext) server).getWebServer().getPort();
            port = String.valueOf(serverPort);
            Http http = Http.on(serverPort);
            server.getBean(LedgerImporter.class).importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL,
                    "csv-import", RecordingMetaData.USER, "sam", RecordingMetaData.ROLE, "SECRETARIAT"),
                    ImportListener.SILENT);

            HttpResponse<String> unapproved = http.as(Http.SECRETARIAT).post(PERIOD_API + "/publications", "{}");
            assertThat(unapproved.statusCode()).isEqualTo(422);
            assertThat(json(unapproved).path("detail").asText()).isEqualTo("plan period " + PERIOD
                    + " is not approved (it is DRAFT); only approved figures are published");
            assertThat(temp.resolve("out/publications/" + PERIOD)).isEmptyDirectory();
            assertThat(http.as(Http.APPROVER).post(PERIOD_API + "/submission", "{}").statusCode()).isEqualTo(403);
            assertThat(http.as(Http.VIEWER).post(PERIOD_API + "/submission", "{}").statusCode()).isEqualTo(403);
            String url = "http://localhost:" + port;
            Cli submit = Cli.run("submit", "--period", PERIOD, "--comment", "for the annual meeting", "--server",
                    url, "--user", "sam", "--password", "secretariat-test");
            assertThat(submit.exitCode()).as(submit.output()).isZero();
            assertThat(submit.output()).contains("Submitted plan period " + PERIOD + " for approval, as sam.");
            Cli approveAsSam = Cli.run("approve", "--period", PERIOD, "--server", url, "--user", "sam",
                    "--password", "secretariat-test");
            assertThat(approveAsSam.exitCode()).isEqualTo(1);
            assertThat(approveAsSam.output()).contains("Refused (403): Your role may not do this.");
            assertThat(http.as(Http.APPROVER).post(PERIOD_API + "/approval", "{\"comment\": \"checked\"}")
                    .statusCode()).isEqualTo(200);

            long head = server.getBean(LedgerHead.class).position();
            HttpResponse<String> publish = http.as(Http.SECRETARIAT).post(PERIOD_API + "/publications",
                    "{\"comment\": \"as sent to the Expert Group\"}");
            assertThat(publish.statusCode()).as(publish.body()).isEqualTo(201);
            JsonNode publication = json(publish);
            assertThat(publication.path("number").asInt()).isEqualTo(1);
            publishedAt = publication.path("position").asLong();
            assertThat(publishedAt).isEqualTo(head);
            Path folder = temp.resolve("out/publications/" + PERIOD + "/1");
            published = PositionRendering.files(folder).stream().filter(f -> !f.path().equals("SHA256SUMS")
                    && !f.path().equals("checkpoint.jsonl")).toList();
            assertThat(Files.readString(folder.resolve("checkpoint.jsonl"))).as("the signed checkpoint of its position")
                    .startsWith("{\"checkpoint\":\"programme-ledger ").contains("\"position\":" + head + "}");
            assertModesOfTheUmask(temp.resolve("out"));
            assertThat(published).extracting(PublishedFile::path).contains(
                    "report/summary-of-cooperation-items-" + PERIOD + ".html",
                    "report/summary-of-cooperation-items-" + PERIOD + ".pdf",
                    "csv/period-summary-" + PERIOD + ".csv", "csv/period-summary-" + PERIOD + "-breakdown.csv");
            List<String> recorded = new ArrayList<>();
            publication.path("files").forEach(file -> recorded.add(file.path("sha256").asText() + "  "
                    + file.path("path").asText()));
            assertThat(published).extracting(f -> f.sha256() + "  " + f.path()).containsExactlyElementsOf(recorded);
            assertThat(Files.readAllLines(folder.resolve("SHA256SUMS"), StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(recorded);
            assertThat(Files.readString(folder.resolve("report/summary-of-cooperation-items-" + PERIOD + ".html")))
                    .contains("ledger position " + publishedAt);

            assertThat(http.as(Http.SECRETARIAT).post(PERIOD_API + "/publications", "{}").statusCode())
                    .isEqualTo(422);
            HttpResponse<String> correction = http.as(Http.SECRETARIAT).post(PERIOD_API
                    + "/figures/2.2.1/corrections", "{\"value\": 210, \"qualifier\": \"exactly\", "
                    + "\"reason\": \"the organiser's final count\"}");
            assertThat(correction.statusCode()).as(correction.body()).isEqualTo(200);
            assertThat(server.getBean(AuditTrail.class).period(PERIOD).stream()
                    .filter(e -> e.event().equals("FigureCorrected")).toList())
                    .singleElement().satisfies(e -> assertThat(e.payload().get("publication")).isEqualTo(1));

            assertThat(server.getBean(AuditTrail.class).item(PERIOD, 1)).extracting(e -> e.event())
                    .doesNotContain("PeriodPublished");
            JsonNode changes = json(http.as(Http.VIEWER).get(PERIOD_API + "/publications/1/changes"));
            assertThat(changes.path("changes")).hasSize(1);
            JsonNode change = changes.path("changes").get(0);
            assertThat(change.path("subject").asText()).isEqualTo("figure 2.2.1");
            assertThat(change.path("was").asText()).isEqualTo("206 requests (exactly) recruitment-requests-presented");
            assertThat(change.path("now").asText()).isEqualTo("210 requests (exactly) recruitment-requests-presented");
            assertThat(change.path("causes").get(0).path("user").asText()).isEqualTo("sam");
            assertThat(change.path("causes").get(0).path("reason").asText()).isEqualTo("the organiser's final count");

            Cli diff = Cli.run("diff", "--publication", "1", "--server", "http://localhost:" + port,
                    "--user", "vic", "--password", "viewer-test");
            assertThat(diff.exitCode()).as(diff.output()).isZero();
            assertThat(diff.output()).contains("publication 1 (ledger position " + publishedAt + ")", "1 changed.",
                    "figure 2.2.1", "    now: 210 requests", "FigureCorrected at position ",
                    "by sam (SECRETARIAT)", ": the organiser's final count");

            server.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(1));
            String page = http.as(Http.VIEWER).get("/").body();
            assertThat(page).contains("Status: published", "published as publication 1 at ledger position "
                    + publishedAt, "corrected since publication 1");
            String changesPage = http.as(Http.VIEWER).get("/periods/" + PERIOD + "/publications/1/changes").body();
            assertThat(changesPage).contains("figure 2.2.1", "206 requests (exactly)", "210 requests (exactly)",
                    "the organiser&#39;s final count");
        }

        Path store = temp.resolve("store");
        Cli verify = Cli.run("verify", "--publication", "1", "--store", store.toString(), "--out",
                temp.resolve("out").toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("the ledger verifies and still passes through the digest at position "
                + publishedAt, "match the " + published.size() + " published files byte for byte",
                "The publication matches the ledger.");

        Cli report = Cli.run("report", "--period", PERIOD, "--at", String.valueOf(publishedAt), "--store",
                store.toString(), "--out", temp.resolve("again").toString());
        assertThat(report.exitCode()).as(report.output()).isZero();
        assertThat(PositionRendering.files(temp.resolve("again"))).containsExactlyElementsOf(published);

        Path html = temp.resolve("out/publications/" + PERIOD + "/1/report/summary-of-cooperation-items-" + PERIOD
                + ".html");
        Files.writeString(html, Files.readString(html).replace("206", "210"));
        Cli tampered = Cli.run("verify", "--publication", "1", "--store", store.toString(), "--out",
                temp.resolve("out").toString());
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.output()).contains("FAIL the files in", "report/summary-of-cooperation-items-" + PERIOD
                + ".html differs (SHA-256 " + OutputFiles.sha256(html), "The publication does NOT match the ledger.");
    }
}
