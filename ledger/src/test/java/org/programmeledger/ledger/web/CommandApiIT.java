package org.programmeledger.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.LedgerIds;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The secretariat's commands through the real HTTP server, its security and the real event store. */
@SpringBootTest(classes = LedgerTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandApiIT {

    private static final String PERIOD = "/api/plan-periods/gd-2020";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    private Http http;

    @BeforeEach
    void programmeWithAPeriodAndAnItem() {
        http = Http.on(port);
        assertThat(http.post("/api/programmes", """
                {"programmeId": "gdhk", "name": "Guangdong/Hong Kong Expert Group"}""").statusCode()).isEqualTo(201);
        for (String organisation : List.of(
                "{\"organisationId\": \"hkipd\", \"name\": \"Intellectual Property Department\", "
                        + "\"abbreviation\": \"HKIPD\", \"side\": \"hong-kong\"}",
                "{\"organisationId\": \"gdamr\", \"name\": \"Guangdong Administration for Market Regulation\", "
                        + "\"side\": \"guangdong\"}")) {
            assertThat(http.post("/api/organisations", organisation).statusCode()).isEqualTo(201);
        }
        assertThat(http.post("/api/plan-periods", """
                {"periodId": "gd-2020", "programmeId": "gdhk", "label": "2020 - mid-2022",
                 "startsOn": "2020-01-01", "endsOn": "2022-06-30"}""").statusCode()).isEqualTo(201);
        assertThat(http.post(PERIOD + "/items", """
                {"number": 2, "title": "IP talent nurturing", "area": "talent nurturing", "newInPeriod": true,
                 "leadOrganisations": ["hkipd"], "participatingOrganisations": ["gdamr"],
                 "source": "2. Continuing to reinforce IP talent nurturing"}""").statusCode()).isEqualTo(201);
        assertThat(http.post(PERIOD + "/items", """
                {"number": 3, "title": "Patent portfolio competition", "leadOrganisations": ["gdamr"],
                 "source": "3. Vigorously promoting"}""").statusCode()).isEqualTo(201);
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private long events(String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                "org.programmeledger.ledger.api." + type);
    }

    private static String activity(String id) {
        return "{\"activityId\": \"" + id + "\", \"item\": 2, \"kind\": \"course\", "
                + "\"title\": \"Start-Up Business Development Course\", \"organisers\": [\"hkipd\"], "
                + "\"mode\": \"online\", \"date\": \"2020-12\", \"source\": \"In December 2020 ...\"}";
    }

    private static String figure(String id, String activityId, String value) {
        return "{\"figureId\": \"" + id + "\", \"item\": 2, \"activityId\": \"" + activityId + "\", "
                + "\"metric\": \"participants\", \"value\": " + value + ", \"unit\": \"persons\", "
                + "\"qualifier\": \"more-than\", \"side\": \"joint\", \"extent\": \"2020-12\", \"basis\": \"flow\", "
                + "\"source\": \"more than 250 IP managers\"}";
    }

    private String version(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    /**
     * An identifier outside {@link LedgerIds}' characters used to be recorded and then answered 500 (the
     * Location header could not be built), or 500 on every retry with an Idempotency-Key; now it is refused
     * before any command is sent, the same way on a retry.
     */
    @Test
    void anIdentifierOutsideTheDocumentedCharactersIsRefusedWith400BeforeAnythingIsRecorded() throws Exception {
        long before = events();
        List<String> bad = List.of("x' OR '1'='1", "a b", "nul\u0000", "2.1#x", "a/b", "x?y", "caf\u00e9", "%41",
                "x".repeat(256), "");
        for (int n = 0; n < bad.size(); n++) {
            String id = JSON.writeValueAsString(bad.get(n));
            String unquoted = id.substring(1, id.length() - 1);
            Map<String, String> requests = Map.of(
                    "/api/programmes", "{\"programmeId\": " + id + ", \"name\": \"P\"}",
                    "/api/organisations", "{\"organisationId\": " + id + ", \"name\": \"O\", \"side\": \"other\"}",
                    "/api/plan-periods", "{\"periodId\": " + id + ", \"programmeId\": \"gdhk\", \"label\": \"L\", "
                            + "\"startsOn\": \"2020-01-01\", \"endsOn\": \"2022-06-30\"}",
                    PERIOD + "/activities", activity(unquoted),
                    PERIOD + "/figures", figure(unquoted, "", "250"));
            for (Map.Entry<String, String> request : requests.entrySet()) {
                for (int attempt = 1; attempt <= 2; attempt++) {
                    HttpResponse<String> answer = http.header("Idempotency-Key", "bad-id-" + n)
                            .post(request.getKey(), request.getValue());
                    String what = request.getKey() + " with " + id + ", attempt " + attempt;
                    assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(400);
                    assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("message").asText())
                            .as(what).contains("RFC 3986");
                }
            }
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void everyAnswerCarriesTheContentSecurityAndReferrerPolicies() {
        for (HttpResponse<String> answer : List.of(Http.on(port).as(null).get("/v3/api-docs"),
                Http.on(port).as(null).get("/api/plan-periods"), http.get("/api/no-such-thing"),
                http.header("Sec-Fetch-Site", "cross-site").post(PERIOD + "/submission", ""),
                http.post(PERIOD + "/figures", "{}"))) {
            String what = answer.request().uri() + " " + answer.statusCode();
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(what)
                    .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
            assertThat(answer.headers().firstValue("Permissions-Policy")).as(what).isPresent();
        }
    }

    /** A period recorded before the rule, under an identifier with a space, still gets a usable Location. */
    @Test
    void theLocationOfAResourceIsEncodedWhateverItsIdentifierHolds() {
        commands.sendAndWait(new OpenPlanPeriod("legacy 2020", "gdhk", "2020", LocalDate.parse("2020-01-01"),
                LocalDate.parse("2020-12-31")));

        HttpResponse<String> item = http.post("/api/plan-periods/legacy%202020/items", """
                {"number": 1, "title": "An item", "leadOrganisations": ["hkipd"], "source": "1. An item"}""");

        assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
        assertThat(item.headers().firstValue("Location")).hasValue("/api/plan-periods/legacy%202020/items/1");
    }

    @Test
    void recordsAnActivityWithAFigureThenCorrectsTheFigureAndRetractsTheActivity() {
        HttpResponse<String> recorded = http.post(PERIOD + "/activities", activity("2.1"));
        assertThat(recorded.statusCode()).isEqualTo(201);
        assertThat(recorded.headers().firstValue("Location")).hasValue(PERIOD + "/activities/2.1");
        assertThat(recorded.body()).contains("\"resource\":\"" + PERIOD + "/activities/2.1\"");

        assertThat(http.post(PERIOD + "/figures", figure("2.1.1", "2.1", "250")).statusCode()).isEqualTo(201);
        HttpResponse<String> corrected = http.post(PERIOD + "/figures/2.1.1/corrections", """
                {"value": 260, "qualifier": "about", "reason": "the course register counts 260"}""");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(http.post(PERIOD + "/items/2/amendments", """
                {"area": "talent", "reason": "shorter area names"}""").statusCode()).isEqualTo(200);
        assertThat(http.post(PERIOD + "/activities/2.1/retraction", """
                {"reason": "recorded under the wrong item"}""").statusCode()).isEqualTo(200);
        assertThat(http.post(PERIOD + "/items/3/completion", "").statusCode()).isEqualTo(200);
        assertThat(http.post(PERIOD + "/activities", activity("3.1").replace("\"item\": 2", "\"item\": 3"))
                .body()).contains("item 3 is completed and takes no new activities");

        String correction = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE payload_type LIKE "
                + "'%FigureCorrected'", String.class);
        assertThat(correction).contains("\"previousValue\":250", "\"value\":260", "\"qualifier\":\"ABOUT\"",
                "\"reason\":\"the course register counts 260\"");
        assertThat(events("ActivityRetracted")).isEqualTo(1);
        assertThat(events("ItemAmended")).isEqualTo(1);
        assertThat(events("ItemCompleted")).isEqualTo(1);
    }

    @Test
    void stampsEveryEventWithTheUserTheRoleACorrelationIdAndTheRecordingTime() {
        http.header("Idempotency-Key", "stamp-1").post(PERIOD + "/activities", activity("2.9"));

        String metaData = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE payload LIKE "
                + "'%\"activityId\":\"2.9\"%'", String.class);
        assertThat(metaData).contains("\"user\":\"sam\"", "\"role\":\"SECRETARIAT\"", "\"channel\":\"http\"",
                "\"idempotencyKey\":\"stamp-1\"", "\"correlationId\":\"", "\"recordedAt\":\"");
    }

    @Test
    void namesEveryBadFieldAndRecordsNothing() {
        long before = events();

        HttpResponse<String> missing = http.post(PERIOD + "/activities", "{\"activityId\": \"2.5\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(missing.body()).contains("\"field\":\"item\"", "\"field\":\"kind\"", "\"field\":\"title\"",
                "\"field\":\"mode\"", "\"field\":\"source\"");

        HttpResponse<String> wrongType = http.post(PERIOD + "/activities",
                activity("2.5").replace("\"item\": 2", "\"item\": \"two\""));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"item\"", "wrong type");

        HttpResponse<String> badCodes = http.post(PERIOD + "/activities",
                activity("2.5").replace("course", "lecture").replace("2020-12", "December 2020"));
        assertThat(badCodes.statusCode()).isEqualTo(400);
        assertThat(badCodes.body()).contains("\"field\":\"kind\"", "'lecture' is not a activity kind",
                "\"field\":\"date\"", "'December 2020' is not a date");

        // A wrong type, a bad code, a missing field and a nested wrong type: one answer names them all.
        HttpResponse<String> everything = http.post(PERIOD + "/figures", figure("2.0.8", "", "\"many\"")
                .replace("\"item\": 2", "\"item\": [2]").replace("more-than", "roughly")
                .replace("\"metric\": \"participants\", ", "")
                .replace("\"source\": ", "\"sourceReference\": {\"location\": {\"n\": 3}}, \"source\": "));
        assertThat(everything.statusCode()).isEqualTo(400);
        assertThat(((List<?>) problem(everything).get("errors")).stream().map(error -> String.valueOf(((Map<?, ?>) error).get("field"))))
                .containsExactly("item", "metric", "qualifier", "sourceReference.location", "value");
        assertThat(everything.body()).contains("\"many\\\" is not a number", "an object is not text",
                "'roughly' is not a qualifier", "a list is not a whole number");

        HttpResponse<String> negative = http.post(PERIOD + "/figures", figure("2.0.9", "", "-5"));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("\"field\":\"value\"");

        HttpResponse<String> malformed = http.post(PERIOD + "/activities", "{\"activityId\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not well-formed JSON");

        HttpResponse<String> oversized = http.post(PERIOD + "/activities",
                activity("2.5").replace("In December 2020 ...", "x".repeat(70_000)));
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(problem(oversized)).isEqualTo(Map.of("type", "about:blank", "title", "Payload Too Large",
                "status", 413, "detail", "The body must declare its length and be at most 65536 bytes.",
                "instance", PERIOD + "/activities"));

        assertThat(events()).isEqualTo(before);
    }

    @Test
    void answersARefusedRuleWithItsOwnMessageAndRecordsNothing() {
        long before = events();

        HttpResponse<String> unknown = http.post(PERIOD + "/activities",
                activity("2.6").replace("[\"hkipd\"]", "[\"hkipd\", \"nobody\"]"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("unknown organisation nobody; register it first");

        HttpResponse<String> backwards = http.post(PERIOD + "/activities",
                activity("2.6").replace("2020-12", "2021-05/2021-04"));
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.body()).contains("the range of activity 2.6 ends (2021-04-30) before it starts "
                + "(2021-05-01)");

        HttpResponse<String> noPeriod = http.post("/api/plan-periods/nowhere/activities", activity("2.6"));
        assertThat(noPeriod.statusCode()).isEqualTo(404);

        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesAnonymousUsersAndRolesThatMayNotRecord() {
        long before = events();

        HttpResponse<String> anonymous = http.as(null).post(PERIOD + "/activities", activity("2.7"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(problem(anonymous)).containsEntry("status", 401)
                .containsEntry("detail", "Sign in with a user name and password.");
        assertThat(problem(http.as(Http.VIEWER).post(PERIOD + "/activities", activity("2.7"))))
                .containsEntry("status", 403).containsEntry("detail", "Your role may not do this.")
                .containsEntry("instance", PERIOD + "/activities");
        assertThat(http.as("sam:wrong-password").post(PERIOD + "/activities", activity("2.7")).statusCode())
                .isEqualTo(401);
        assertThat(http.as(Http.VIEWER).post(PERIOD + "/activities", activity("2.7")).statusCode()).isEqualTo(403);
        assertThat(http.as(Http.AUDITOR).post(PERIOD + "/activities", activity("2.7")).statusCode()).isEqualTo(403);
        assertThat(http.as(Http.SECRETARIAT).get("/api/audit/anything").statusCode()).isEqualTo(403);

        assertThat(events()).isEqualTo(before);
    }

    /**
     * A form the browser marks as the ledger's own (Sec-Fetch-Site same-origin) needs Spring Security's CSRF
     * token, here as a script sends it (the XSRF-TOKEN cookie copied into the X-XSRF-TOKEN header); a page of
     * another origin is refused even with a token (it may share or plant the cookie), and so is a form from a
     * client without Fetch Metadata. Only the JSON and CSV the command line sends go without a token.
     */
    @Test
    void aFormOfTheLedgersOwnPagesNeedsTheCsrfTokenAndNoOtherPageGetsThroughWithIt() {
        String completion = PERIOD + "/items/3/completion";
        Http sameOrigin = http.header("Sec-Fetch-Site", "same-origin");
        Http withToken = http.header("Cookie", "XSRF-TOKEN=a-token").header("X-XSRF-TOKEN", "a-token");

        HttpResponse<String> noToken = sameOrigin.postForm(completion, "");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(problem(noToken)).containsEntry("detail",
                "This form is out of date or not one of the ledger's pages: reload the page and try again.");
        assertThat(sameOrigin.header("Cookie", "XSRF-TOKEN=a-token").postForm(completion, "").statusCode())
                .as("the cookie alone").isEqualTo(403);
        assertThat(sameOrigin.header("Cookie", "XSRF-TOKEN=a-token").header("X-XSRF-TOKEN", "another-token")
                .postForm(completion, "").statusCode()).as("a token not the cookie's").isEqualTo(403);
        assertThat(withToken.header("Sec-Fetch-Site", "same-site").postForm(completion, "").statusCode())
                .as("another port of the same host").isEqualTo(403);
        assertThat(withToken.postForm(completion, "").statusCode()).as("no Fetch Metadata").isEqualTo(415);
        assertThat(events("ItemCompleted")).isZero();

        assertThat(withToken.header("Sec-Fetch-Site", "same-origin").postForm(completion, "").statusCode())
                .isEqualTo(200);
        assertThat(events("ItemCompleted")).isEqualTo(1);
        assertThat(withToken.get("/api/plan-periods").headers().allValues("Set-Cookie"))
                .as("a signed-in request (a page's stylesheet) keeps the page's token").isEmpty();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsNothingNewAndGetsTheFirstAnswer() {
        Http withKey = http.header("Idempotency-Key", "retry-1");
        HttpResponse<String> first = withKey.post(PERIOD + "/activities", activity("2.2"));
        long after = events();

        HttpResponse<String> retry = withKey.post(PERIOD + "/activities", activity("2.2"));

        assertThat(retry.statusCode()).isEqualTo(first.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(events()).isEqualTo(after);

        HttpResponse<String> otherBody = withKey.post(PERIOD + "/activities", activity("2.3"));
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(otherBody.body()).contains("Idempotency-Key 'retry-1' was already used for another request");
        assertThat(events()).isEqualTo(after);
    }

    /** A record created under an identifier that a record of another kind already has. */
    @Test
    void anIdentifierTakenByAnotherKindOfRecordIsAConflictAndRecordsNothing() {
        long before = events();

        HttpResponse<String> taken = http.post("/api/organisations", """
                {"organisationId": "gdhk", "name": "An office", "side": "guangdong"}""");

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(taken.body()).contains("\"title\":\"Identifier taken\"", "'gdhk' already names a programme of the "
                + "ledger");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesAWriteAgainstAStaleVersion() {
        HttpResponse<String> recorded = http.post(PERIOD + "/activities", activity("2.4"));
        String seen = version(recorded);
        assertThat(http.header("If-Match", seen).post(PERIOD + "/figures", figure("2.4.1", "2.4", "10"))
                .statusCode()).isEqualTo(201);
        long before = events();

        HttpResponse<String> stale = http.header("If-Match", seen).post(PERIOD + "/figures",
                figure("2.4.2", "2.4", "11"));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"expectedVersion\":" + seen.replace("\"", ""));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void importsACsvFileOverHttpOrNamesItsBadLines() {
        String good = "period_id,activity_id,item,kind,title,organisers,supporters,mode,date,source\r\n"
                + "gd-2020,2.20,2,course,Course,hkipd,,online,2020-12,s\r\n";
        HttpResponse<String> accepted = http.postCsv("/api/imports?name=activities.csv", good);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"eventsRecorded\":1", "\"format\":\"activities\"");
        long before = events();

        HttpResponse<String> refused = http.postCsv("/api/imports?name=../../bad.csv",
                good.replace("2.20", "2.21") + "gd-2020,2.22,2,course,\"unterminated\r\n");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"file\":\"bad.csv\"", "\"accepted\":false", "\"line\":3",
                "not well-formed CSV");
        assertThat(events()).isEqualTo(before);
        String metaData = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE payload LIKE "
                + "'%\"activityId\":\"2.20\"%'", String.class);
        assertThat(metaData).contains("\"channel\":\"http-import\"", "\"user\":\"sam\"", "\"file\":\"activities.csv\"");
    }

    @Test
    void servesTheOpenApiDocumentWithoutSigningIn() {
        HttpResponse<String> document = http.as(null).get("/v3/api-docs");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("Programme Ledger API", "/api/plan-periods/{periodId}/activities");
    }

    @Test
    void theOpenApiDocumentListsEveryStatusAnOperationAnswersWithAnExampleProblem() throws IOException {
        JsonNode paths = JSON.readTree(http.as(null).get("/v3/api-docs").body()).path("paths");

        JsonNode recordFigure = paths.path("/api/plan-periods/{periodId}/figures").path("post").path("responses");
        JsonNode correctFigure = paths.path("/api/plan-periods/{periodId}/figures/{figureId}/corrections").path("post")
                .path("responses");
        JsonNode history = paths.path("/api/audit/history").path("get").path("responses");

        assertThat(recordFigure.fieldNames()).toIterable().containsExactlyInAnyOrder("201", "400", "401", "403",
                "404", "409", "413", "415", "422", "429", "503", "507");
        assertThat(recordFigure.path("201").path("headers").has("Location")).isTrue();
        assertThat(correctFigure.has("200")).isTrue();
        assertThat(correctFigure.has("201")).isFalse();
        assertThat(history.fieldNames()).toIterable().containsExactlyInAnyOrder("200", "401", "403", "429", "503");
        JsonNode badRequest = recordFigure.path("400").path("content").path("application/problem+json");
        assertThat(badRequest.path("example").path("errors").get(0).path("field").asText()).isEqualTo("date");
        assertThat(recordFigure.path("409").path("content").path("application/problem+json").path("example")
                .path("currentVersion").asInt()).isEqualTo(4);
    }

    @Test
    void recordsAThousandActivitiesFromEightConcurrentClientsEachOnce() throws Exception {
        long before = events("ActivityRecorded");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            int first = client * 125;
            results.add(clients.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int n = first; n < first + 125; n++) {
                    statuses.add(http.header("Idempotency-Key", "load-" + n)
                            .post(PERIOD + "/activities", activity("load." + n)).statusCode());
                }
                return statuses;
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> result : results) {
            statuses.addAll(result.get());
        }
        clients.shutdown();

        assertThat(statuses).hasSize(1000).containsOnly(201);
        assertThat(events("ActivityRecorded") - before).isEqualTo(1000);
        List<Map<String, Object>> duplicates = jdbc.queryForList("SELECT payload, COUNT(*) FROM domain_event_entry "
                + "WHERE payload_type LIKE '%ActivityRecorded' GROUP BY payload HAVING COUNT(*) > 1");
        assertThat(duplicates).isEmpty();
    }

    /** A problem document, parsed: it must be JSON, as every refusal is built by ProblemDetail. */
    private static Map<String, Object> problem(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
