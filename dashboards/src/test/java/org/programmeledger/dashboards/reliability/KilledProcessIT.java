package org.programmeledger.dashboards.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.web.Http;

/**
 * The application jar killed with SIGKILL while it imports a large file, while it runs a job and while it
 * replays the views, on one H2 store, each time started again on it: nothing is half-recorded, a second
 * import completes the file, the restarted job writes the bytes of an uninterrupted run, the interrupted
 * replay resumes to the same views, and the chain verifies.
 */
class KilledProcessIT {

    /** Three of the importer's chunks of 5 000 rows, so the kill can fall after the first and before the file commits. */
    private static final int ACTIVITIES = 12_000;
    private static final String REGISTER = "activity-register-" + GeneratedProgramme.PERIOD + ".csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kept when the test fails, with the processes' logs and the store, to see what happened. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void killedDuringAnImportAJobAndAReplayTheLedgerLosesNothingAndEachRestartCompletesTheWork() throws Exception {
        LedgerProcess.writeUsers(home);
        List<Path> files = GeneratedProgramme.write(home.resolve("data"), ACTIVITIES);
        Path activities = home.resolve("data").resolve(GeneratedProgramme.ACTIVITIES_FILE);
        String store = "--store=" + home.resolve("store");
        // The servers' outputs in out/ itself, where the job's files are watched (a store's own default is out/NAME-HASH/).
        String out = "--out=" + home.resolve("out");
        long before;

        try (LedgerProcess server = LedgerProcess.start(home, "import-killed.log", List.of(), "serve", "--port=0",
                store, out)) {
            Http http = server.awaitServing();
            for (Path file : files.subList(0, 4)) {
                assertThat(http.postCsv("/api/imports?name=" + file.getFileName(), Files.readString(file))
                        .statusCode()).isEqualTo(200);
            }
            before = digest(http).path("events").asLong();
            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(
                    () -> http.postCsv("/api/imports?name=" + activities.getFileName(), readString(activities)));
            // The file is one transaction; each chunk of its rows is one batch command, logged once decided.
            server.awaitOutput("the first chunk of activities decided", output -> count(output,
                    "command RecordPlanPeriodBatch handled") >= 2, Duration.ofSeconds(60));
            server.kill();
            phase("import killed");
            assertThat(answer).as("the import was under way when the server was killed")
                    .failsWithin(Duration.ofSeconds(10));
        }

        try (LedgerProcess server = LedgerProcess.start(home, "job-killed.log",
                List.of("-Dledger.jobs.chunk-size=1", "-Dledger.jobs.chunk-pause=100ms"), "serve", "--port=0", store,
                out)) {
            Http http = server.awaitServing();
            assertThat(digest(http).path("events").asLong()).as("events of the killed import").isEqualTo(before);
            assertThat(verify(http).path("problem").isNull()).isTrue();

            HttpResponse<String> again = http.postCsv("/api/imports?name=" + activities.getFileName(),
                    Files.readString(activities));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).path("eventsRecorded").asLong()).isEqualTo(ACTIVITIES);
            assertThat(digest(http).path("events").asLong()).isEqualTo(before + ACTIVITIES);
            assertThat(verify(http).path("eventsChecked").asLong()).isEqualTo(before + ACTIVITIES);
            phase("second import complete");

            CompletableFuture.runAsync(() -> http.post("/api/jobs/activity-register?period="
                    + GeneratedProgramme.PERIOD, ""));
            Path csv = home.resolve("out").resolve("csv");
            awaitLinesOfTemporaryFiles(server, csv, 10);
            server.kill();
            phase("job killed");
            assertThat(csv.resolve(REGISTER)).as("a killed job publishes no file").doesNotExist();
        }

        List<String> views;
        try (LedgerProcess server = LedgerProcess.start(home, "job-restarted.log", List.of(), "serve", "--port=0",
                store, out)) {
            Http http = server.awaitServing();
            JsonNode restarted = runRegister(http);
            JsonNode history = JSON.readTree(http.get("/api/jobs").body());
            assertThat(history.get(0).path("status").asText()).isEqualTo("COMPLETED");
            assertThat(history.get(1).path("status").asText()).isEqualTo("FAILED");
            byte[] afterRestart = Files.readAllBytes(home.resolve("out").resolve("csv").resolve(REGISTER));
            assertThat(Files.readAllLines(home.resolve("out").resolve("csv").resolve(REGISTER))).hasSize(ACTIVITIES + 1);

            assertThat(http.post("/api/organisations", "{\"organisationId\": \"restart-test-office\", \"name\": "
                    + "\"An office the register does not name\", \"side\": \"other\"}").statusCode()).isEqualTo(201);
            JsonNode uninterrupted = runRegister(http);
            assertThat(uninterrupted.path("position").asLong()).isGreaterThan(restarted.path("position").asLong());
            assertThat(Files.readAllBytes(home.resolve("out").resolve("csv").resolve(REGISTER)))
                    .as("the restarted job's file, byte for byte").isEqualTo(afterRestart);
            server.stop();
            phase("job restarted and run again");
        }
        assertThat(claimOwners()).as("a server stopped by SIGTERM releases the views' claim, so the next process "
                + "on the store need not wait for it to time out").containsOnlyNulls();
        views = StoreViews.dump(home.resolve("store"));

        // The replay's store is opened with H2's AUTO_SERVER, so that the test can watch the views' position,
        // and without H2's write delay, so that what the test saw committed is in the file when it kills.
        try (LedgerProcess replay = LedgerProcess.start(home, "replay-killed.log", List.of(
                "-Dspring.datasource.url=" + storeUrl() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                "-Dledger.views.replay-batch-size=10", "-Dledger.views.replay-pause=100ms"), "replay", store)) {
            awaitReplayUnderWay(replay);
            replay.kill();
            phase("replay killed");
        }
        assertThat(StoreViews.dump(home.resolve("store")))
                .as("the killed replay had rebuilt part of the views").isNotEqualTo(views);

        // The killed replay still holds the processor's claim, and left its token where it left the views; a short
        // claim timeout lets this node take it soon.
        try (LedgerProcess server = LedgerProcess.start(home, "replay-resumed.log",
                List.of("-Daxon.eventhandling.tokenstore.claim-timeout=2s"), "serve", "--port=0", store, out)) {
            Http http = server.awaitServing();
            long head = digest(http).path("position").asLong();
            awaitViewsAt(http, head);
            assertThat(verify(http).path("eventsChecked").asLong()).isEqualTo(before + ACTIVITIES + 1);
            server.stop();
            phase("replay resumed");
        }
        assertThat(StoreViews.dump(home.resolve("store"))).as("the views after the resumed replay").isEqualTo(views);
    }

    private final long started = System.nanoTime();

    /** Where the time goes, in the test's output. */
    private void phase(String name) {
        System.out.printf("KilledProcessIT: %s after %.1f s%n", name, (System.nanoTime() - started) / 1e9);
    }

    private static JsonNode digest(Http http) throws Exception {
        return JSON.readTree(http.as(Http.AUDITOR).get("/api/audit/digest").body());
    }

    private static JsonNode verify(Http http) throws Exception {
        JsonNode report = JSON.readTree(http.as(Http.AUDITOR).get("/api/audit/verify").body());
        assertThat(report.path("problem").isNull()).as("the chain verifies: %s", report).isTrue();
        return report;
    }

    private static JsonNode runRegister(Http http) throws Exception {
        HttpResponse<String> run = http.post("/api/jobs/activity-register?period=" + GeneratedProgramme.PERIOD, "");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(run.body());
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        return report;
    }

    /** Waits until the replay has rebuilt the views past the start and short of half the ledger. */
    private void awaitReplayUnderWay(LedgerProcess replay) throws Exception {
        // Only once the replay's process has the store open, or the test's connection would host it instead.
        replay.awaitOutput("the replay under way", output -> {
            if (!output.contains("Replaying: position")) {
                return false;
            }
            try (Connection connection = DriverManager.getConnection(storeUrl() + ";AUTO_SERVER=TRUE", "sa", "");
                 Statement statement = connection.createStatement();
                 ResultSet views = statement.executeQuery("SELECT (SELECT COALESCE(MAX(position), 0) FROM view_position),"
                         + " (SELECT MAX(global_index) FROM domain_event_entry)")) {
                views.next();
                long position = views.getLong(1);
                return position > 0 && position < views.getLong(2) / 2;
            } catch (java.sql.SQLException notOpenYet) {
                return false;
            }
        }, Duration.ofSeconds(120));
    }

    private static void awaitViewsAt(Http http, long head) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            long position = Long.parseLong(http.get("/api/plan-periods").headers().firstValue("Ledger-Position")
                    .orElse("0"));
            if (position >= head) {
                return;
            }
            assertThat(System.nanoTime()).as("views at %d within 120 s; at %d", head, position).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitLinesOfTemporaryFiles(LedgerProcess server, Path folder, int lines) throws Exception {
        server.awaitOutput(lines + " lines of the job's temporary file", output -> {
            if (!Files.isDirectory(folder)) {
                return false;
            }
            try (Stream<Path> files = Files.list(folder)) {
                long written = 0;
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                    written += Files.readAllLines(file).size();
                }
                return written >= lines;
            } catch (java.io.IOException e) {
                return false;
            }
        }, Duration.ofSeconds(120));
    }

    private List<String> claimOwners() throws Exception {
        List<String> owners = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(storeUrl(), "sa", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT owner FROM token_entry")) {
            while (result.next()) {
                owners.add(result.getString(1));
            }
        }
        assertThat(owners).as("the processors' tokens").isNotEmpty();
        return owners;
    }

    private String storeUrl() {
        return "jdbc:h2:file:" + home.resolve("store").resolve("ledger");
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
