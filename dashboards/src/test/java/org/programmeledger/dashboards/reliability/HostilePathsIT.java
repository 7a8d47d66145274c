package org.programmeledger.dashboards.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.web.Http;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Path names where the server takes a file or folder name from the request: the downloads, the charts
 * and the job parameters that name output files. Each is refused with a 4xx, nothing outside the output
 * folder is read or written, and the server keeps serving.
 */
class HostilePathsIT {

    private static final String REGISTER = "activity-register-" + GeneratedProgramme.PERIOD + ".csv";
    private static final List<String> NAMES = List.of("../../store/ledger.mv.db", "..%2F..%2Fstore%2Fledger.mv.db",
            "%2e%2e%2f%2e%2e%2fstore%2fledger.mv.db", "..", "%2e%2e", ".", "." + REGISTER + ".tmp",
            REGISTER + "%00.png", "x".repeat(300), "..%5C..%5Cstore%5Cledger.mv.db", "%252e%252e%252fsecret.txt",
            "secret.txt", "~root", "=1+2.csv", "%C0%AE%C0%AE%2Fsecret.txt");

    @TempDir
    Path home;

    @Test
    void pathNamesInRequestsReachNothingOutsideTheOutputFolder() throws Exception {
        Files.writeString(home.resolve("secret.txt"), "not for download");
        try (ConfigurableApplicationContext server = LedgerServer.start(home)) {
            Http http = LedgerServer.http(server);
            for (Path file : GeneratedProgramme.write(home.resolve("data"), 12)) {
                assertThat(http.postCsv("/api/imports?name=" + file.getFileName(), Files.readString(file)).statusCode())
                        .isEqualTo(200);
            }
            assertThat(http.post("/api/jobs/activity-register?period=" + GeneratedProgramme.PERIOD, "").statusCode())
                    .isEqualTo(200);
            assertThat(http.as(Http.VIEWER).get("/downloads/csv/" + REGISTER).body()).contains("Generated activity 11");
            List<String> before = filesUnder(home);

            List<String> wrong = new ArrayList<>();
            int requests = 0;
            for (String folder : List.of("csv", "charts", "report", "..", "store", "%2e%2e", "CSV")) {
                for (String name : NAMES) {
                    requests++;
                    check(wrong, "GET /downloads/" + folder + "/" + name,
                            http.as(Http.VIEWER).get("/downloads/" + folder + "/" + name));
                }
            }
            for (String name : NAMES) {
                requests += 3;
                check(wrong, "GET chart " + name, http.as(Http.VIEWER).get("/charts/" + name + "/participants.png"));
                check(wrong, "GET chart of the period named " + name,
                        http.as(Http.VIEWER).get("/charts/" + GeneratedProgramme.PERIOD + "/" + name + ".svg"));
                check(wrong, "GET trend " + name, http.as(Http.VIEWER).get("/charts/trends/" + name + ".png"));
            }
            for (String parameter : List.of("metric=../../../../secret", "metric=..%2F..%2F..%2Fsecret",
                    "metric=%2Ftmp%2Fsecret", "metric=a%00b", "metric=" + "m".repeat(300), "metric=valid&from=..%2F..",
                    "metric=valid&bucket=..%2Fyear")) {
                requests++;
                check(wrong, "POST trend-series?" + parameter, http.post("/api/jobs/trend-series?" + parameter, ""));
            }
            for (String period : List.of("../../secret", "..%2F..%2Fsecret", "%2e%2e", "nowhere", "2021-13",
                    GeneratedProgramme.PERIOD + "%2F..%2F..")) {
                requests += 2;
                check(wrong, "POST activity-register?period=" + period,
                        http.post("/api/jobs/activity-register?period=" + period, ""));
                check(wrong, "POST period-summary?period=" + period,
                        http.post("/api/jobs/period-summary?period=" + period, ""));
            }

            System.out.printf("HostilePathsIT: %d requests with hostile path names%n", requests);
            assertThat(wrong).as("answers that are not a refusal").isEmpty();
            assertThat(filesUnder(home)).as("files under the project folder").isEqualTo(before);
            assertThat(http.as(Http.VIEWER).get("/downloads/csv/" + REGISTER).statusCode()).isEqualTo(200);
        }
    }

    private static void check(List<String> wrong, String request, HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status < 400 || status >= 500 || answer.body().contains("not for download")) {
            wrong.add(request + ": " + status + " " + answer.body().substring(0, Math.min(200, answer.body().length())));
        }
    }

    /** Every file under the folder but the store's own, which the server writes to as it runs. */
    private static List<String> filesUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString())
                    .filter(file -> !file.startsWith("store")).sorted().toList();
        }
    }
}
