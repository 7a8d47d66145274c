package org.programmeledger.dashboards.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledger.web.Http;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL stops while clients send commands, and starts again on the same data: the clients are told
 * 503 with Retry-After, nothing is half-written, and the server recovers without being restarted.
 */
class DatabaseOutageIT {

    private static final String PERIOD = "/api/plan-periods/" + GeneratedProgramme.PERIOD;
    private static final int CLIENTS = 6;
    private static final int COMMANDS_PER_CLIENT = 40;

    @TempDir
    Path temp;

    @Test
    void commandsDuringAnOutageAreRefusedWith503AndRecordedOnceWhenRetriedAfterTheDatabaseReturns() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = postgres(port);
        try (ConfigurableApplicationContext server = LedgerServer.start(temp,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.connection-timeout=1000")) {
            Http http = LedgerServer.http(server);
            for (Path file : GeneratedProgramme.write(temp.resolve("data"), 0).subList(0, 4)) {
                assertThat(http.postCsv("/api/imports?name=" + file.getFileName(), Files.readString(file))
                        .statusCode()).isEqualTo(200);
            }
            AtomicInteger recorded = new AtomicInteger();
            ConcurrentLinkedQueue<HttpResponse<String>> refusals = new ConcurrentLinkedQueue<>();
            ConcurrentHashMap<Integer, Integer> others = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client * COMMANDS_PER_CLIENT;
                done.add(clients.submit(() -> {
                    for (int n = first; n < first + COMMANDS_PER_CLIENT; n++) {
                        sendUntilRecorded(http, n, recorded, refusals, others);
                    }
                    return null;
                }));
            }

            awaitAtLeast(recorded, CLIENTS * COMMANDS_PER_CLIENT / 4);
            postgres.close();
            HttpResponse<String> importWhileDown = http.postCsv("/api/imports?name=late.csv",
                    GeneratedProgramme.activities(3).replace("g.", "late."));
            HttpResponse<String> readinessWhileDown = http.as(null).get("/actuator/health/readiness");
            awaitRefusals(refusals, others);
            postgres = postgres(port);
            for (Future<?> client : done) {
                client.get();
            }
            clients.shutdown();

            assertThat(others).as("answers other than 201 and 503").isEmpty();
            assertThat(refusals).isNotEmpty().allSatisfy(refusal -> {
                assertThat(refusal.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(refusal.headers().firstValue("Content-Type").orElseThrow())
                        .startsWith("application/problem+json");
                assertThat(refusal.body()).contains("\"status\":503", "database");
            });
            assertThat(importWhileDown.statusCode()).as(importWhileDown.body()).isEqualTo(503);
            assertThat(readinessWhileDown.statusCode()).isEqualTo(503);

            JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
            int commands = CLIENTS * COMMANDS_PER_CLIENT;
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE "
                    + "'%ActivityRecorded'", Integer.class)).isEqualTo(commands);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT payload) FROM domain_event_entry WHERE payload_type "
                    + "LIKE '%ActivityRecorded'", Integer.class)).isEqualTo(commands);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record", Integer.class)).isEqualTo(commands);
            VerifyReport verified = server.getBean(LedgerVerifier.class).verify();
            assertThat(verified.intact()).as(verified.toString()).isTrue();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_tree_leaf", Long.class))
                    .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class));
            server.getBean(LedgerViews.class).awaitHead(Duration.ofSeconds(90));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM view_activity", Integer.class)).isEqualTo(commands);
            assertThat(http.as(null).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(http.postCsv("/api/imports?name=late.csv", GeneratedProgramme.activities(3).replace("g.", "late."))
                    .statusCode()).isEqualTo(200);
        } finally {
            postgres.close();
        }
    }

    /** A client that retries on 503, with the same Idempotency-Key, until its command is recorded. */
    private static void sendUntilRecorded(Http http, int n, AtomicInteger recorded,
                                          ConcurrentLinkedQueue<HttpResponse<String>> refusals,
                                          ConcurrentHashMap<Integer, Integer> others) throws InterruptedException {
        String json = GeneratedProgramme.activityJson(n);
        Http client = http.header("Idempotency-Key", "outage-" + n);
        while (true) {
            HttpResponse<String> answer = client.post(PERIOD + "/activities", json);
            if (answer.statusCode() == 201) {
                recorded.incrementAndGet();
                return;
            }
            if (answer.statusCode() != 503) {
                others.merge(answer.statusCode(), 1, Integer::sum);
                return;
            }
            refusals.add(answer);
            Thread.sleep(200);
        }
    }

    /** The same data folder and port each time, so a restarted server is the same database. */
    private EmbeddedPostgres postgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(temp.resolve("postgres")).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitAtLeast(AtomicInteger counter, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (counter.get() < count) {
            assertThat(System.nanoTime()).as("%d commands recorded within 60 s", count).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Waits until every client has been refused at least once on average, failing early on another answer. */
    private static void awaitRefusals(ConcurrentLinkedQueue<?> refusals, Map<Integer, Integer> others)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (refusals.size() < CLIENTS) {
            assertThat(others).as("answers other than 201 and 503").isEmpty();
            assertThat(System.nanoTime()).as("%d refusals within 60 s", CLIENTS).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
