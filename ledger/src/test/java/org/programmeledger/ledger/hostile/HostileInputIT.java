package org.programmeledger.ledger.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.web.Http;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generated corpus of bad inputs ({@link HostileCorpus}) sent to the real server and given to the
 * importer: each is refused with a 4xx answer that says why (never a 500), the server keeps serving, and
 * the ledger's head digest is the same afterwards.
 */
@SpringBootTest(classes = LedgerTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=hostile-input")
class HostileInputIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString(Http.SECRETARIAT.getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerVerifier chain;
    @Autowired
    LedgerImporter importer;
    @TempDir
    Path temp;

    /**
     * The ledger the corpus is built against, in a Spring context (and H2 store) of this class's own (the
     * property sets it apart), so that no other test's records meet it; the second test records it again,
     * which changes nothing.
     */
    @BeforeEach
    void aSmallLedger() {
        Http http = Http.on(port);
        for (String[] command : new String[][] {
            {"/api/programmes", "{\"programmeId\": \"gdhk\", \"name\": \"Guangdong/Hong Kong Expert Group\"}"},
            {"/api/organisations", "{\"organisationId\": \"hkipd\", \"name\": \"Intellectual Property Department\", "
                    + "\"abbreviation\": \"HKIPD\", \"side\": \"hong-kong\"}"},
            {"/api/organisations", "{\"organisationId\": \"gdamr\", \"name\": \"Guangdong Administration for Market "
                    + "Regulation\", \"side\": \"guangdong\"}"},
            {"/api/plan-periods", "{\"periodId\": \"gd-2020\", \"programmeId\": \"gdhk\", \"label\": \"2020 - mid-2022\", "
                    + "\"startsOn\": \"2020-01-01\", \"endsOn\": \"2022-06-30\"}"},
            {HostileCorpus.PERIOD + "/items", "{\"number\": 2, \"title\": \"IP talent nurturing\", \"area\": "
                    + "\"talent nurturing\", \"newInPeriod\": true, \"leadOrganisations\": [\"hkipd\"], "
                    + "\"participatingOrganisations\": [\"gdamr\"], \"source\": \"2. Continuing to reinforce IP talent "
                    + "nurturing\"}"},
            {HostileCorpus.PERIOD + "/items", "{\"number\": 3, \"title\": \"Patent portfolio competition\", "
                    + "\"leadOrganisations\": [\"gdamr\"], \"source\": \"3. Vigorously promoting\"}"},
            {HostileCorpus.PERIOD + "/activities", "{\"activityId\": \"x.1\", \"item\": 2, \"kind\": \"course\", "
                    + "\"title\": \"Start-Up Course\", \"organisers\": [\"hkipd\"], \"mode\": \"online\", "
                    + "\"date\": \"2020-12\", \"source\": \"s\"}"},
            {HostileCorpus.PERIOD + "/figures", "{\"figureId\": \"x.1.1\", \"item\": 2, \"activityId\": \"x.1\", "
                    + "\"metric\": \"participants\", \"value\": 250, \"unit\": \"persons\", \"qualifier\": \"more-than\", "
                    + "\"side\": \"joint\", \"extent\": \"2020-12\", \"basis\": \"flow\", \"source\": \"s\"}"}}) {
            HttpResponse<String> answer = http.post(command[0], command[1]);
            assertThat(answer.statusCode()).as(command[0] + " " + answer.body()).isIn(200, 201);
        }
    }

    @Test
    void everyBadCommandIsRefusedWithAProblemThatSaysWhyAndTheLedgerIsUnchanged() throws Exception {
        List<HostileCorpus.Case> corpus = HostileCorpus.json();
        Digest before = chain.digest();

        List<String> wrong = new ArrayList<>();
        for (HostileCorpus.Case bad : corpus) {
            HttpResponse<String> answer = send(bad);
            String problem = bad.refusedBeforeTheApplication() ? refusedByTheServer(answer) : refusal(answer);
            if (problem != null) {
                wrong.add(bad + ": " + problem);
            }
        }

        System.out.printf("HostileInputIT: %d bad commands sent%n", corpus.size());
        assertThat(wrong).as("answers that are not a clear refusal").isEmpty();
        assertThat(corpus.size()).isGreaterThan(1000);
        assertUnchanged(before);
    }

    @Test
    void everyBadImportFileIsRefusedWithItsLinesOverHttpAndByTheImporterAndTheLedgerIsUnchanged() throws Exception {
        List<HostileCorpus.Case> corpus = HostileCorpus.csv();
        Digest before = chain.digest();

        List<String> wrong = new ArrayList<>();
        int direct = 0;
        for (HostileCorpus.Case bad : corpus) {
            HttpResponse<String> answer = send(bad);
            String problem = refusal(answer);
            if (problem != null) {
                wrong.add("HTTP " + bad + ": " + problem);
            }
            if (bad.contentType().equals("text/csv")) {
                Path file = Files.write(temp.resolve("hostile-" + direct++ + ".csv"), bad.body());
                ImportReport report = importer.importFile(file, Map.of(RecordingMetaData.CHANNEL, "csv-import"));
                if (report.accepted() || report.problems().stream().anyMatch(p -> p.message().isBlank())) {
                    wrong.add("importer " + bad + ": " + report);
                }
            }
        }

        System.out.printf("HostileInputIT: %d bad import files sent, %d of them also given to the importer%n",
                corpus.size(), direct);
        assertThat(wrong).as("answers that are not a clear refusal").isEmpty();
        assertThat(corpus.size()).isGreaterThan(900);
        assertUnchanged(before);
    }

    /**
     * What a page of another origin can send without a CORS preflight, with the credentials a browser keeps:
     * no body, a form, {@code text/plain}; and JSON the browser marks as sent by another site or origin.
     */
    @Test
    void aRequestThatAPageOfAnotherOriginCouldMakeChangesNothing() throws Exception {
        Digest before = chain.digest();
        List<String> wrong = new ArrayList<>();
        for (String path : List.of(HostileCorpus.PERIOD + "/submission", HostileCorpus.PERIOD + "/items/3/completion",
                "/api/backups", "/api/programmes")) {
            for (String[] attempt : new String[][] {{null, null}, {"text/plain", null},
                {"application/x-www-form-urlencoded", null}, {"multipart/form-data; boundary=x", null},
                {"text/plain;charset=UTF-8", null}, {"application/json", "cross-site"},
                {"application/json", "same-site"}}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", AUTHORIZATION)
                        .POST(HttpRequest.BodyPublishers.ofString(attempt[0] == null ? "" : "{}"));
                if (attempt[0] != null) {
                    request.header("Content-Type", attempt[0]);
                }
                if (attempt[1] != null) {
                    request.header("Sec-Fetch-Site", attempt[1]);
                }
                HttpResponse<String> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int expected = attempt[1] == null ? 415 : 403;
                if (answer.statusCode() != expected || !answer.body().contains("\"detail\"")) {
                    wrong.add(path + " " + attempt[0] + " " + attempt[1] + ": " + answer.statusCode() + " "
                            + abbreviate(answer.body()));
                }
            }
        }
        assertThat(wrong).as("cross-site requests not refused").isEmpty();
        assertUnchanged(before);
    }

    private void assertUnchanged(Digest before) {
        assertThat(chain.digest()).isEqualTo(before);
        assertThat(chain.verify().intact()).isTrue();
        assertThat(Http.on(port).as(null).get("/v3/api-docs").statusCode()).as("the server still serves").isEqualTo(200);
    }

    private HttpResponse<String> send(HostileCorpus.Case bad) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path()))
                        .header("Authorization", AUTHORIZATION).header("Content-Type", bad.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bad.body())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String refusedByTheServer(HttpResponse<String> answer) {
        return answer.statusCode() == 400 ? null : answer.statusCode() + " " + abbreviate(answer.body());
    }

    /** What is wrong with the answer to a bad request, or null when it is a clear refusal. */
    private static String refusal(HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status < 400 || status >= 500 || status == 401 || status == 403) {
            return status + " " + abbreviate(answer.body());
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            boolean says = !body.path("detail").asText("").isBlank()
                    || body.path("problems").isArray() && !body.path("problems").isEmpty()
                    && body.path("problems").get(0).path("message").asText("").length() > 0;
            String file = body.path("file").asText("");
            if (file.contains("/") || file.contains("\\") || file.contains("..")) {
                return status + " names the file as a path: " + file;
            }
            return says ? null : status + " without a message: " + abbreviate(answer.body());
        } catch (IOException e) {
            return status + " not a JSON problem: " + abbreviate(answer.body());
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
