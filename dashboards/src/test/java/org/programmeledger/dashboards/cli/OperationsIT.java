package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analytics.views.ViewReplay;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.sealing.Sequencer;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.web.Http;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Health probes and metrics of the running server, read over real HTTP while it works. */
class OperationsIT {

    private static final String[] USERS = {
        "--ledger.security.users[0].name=sam",
        "--ledger.security.users[0].password-hash=$2a$04$q6XhBsIzlBKiVnMRooE05u8KO9fhq2aagCRzHSymDKeek8SlBMxCe",
        "--ledger.security.users[0].role=SECRETARIAT",
        "--ledger.security.users[1].name=vic",
        "--ledger.security.users[1].password-hash=$2a$04$M3Tl/asREe9Ync4/3I8L.euvwUe873vnue46do7fMyTounASiQKPq",
        "--ledger.security.users[1].role=VIEWER"};

    @TempDir
    Path temp;

    private ConfigurableApplicationContext serve(String... more) {
        String[] arguments = new String[USERS.length + more.length + 2];
        arguments[0] = "--spring.main.web-application-type=servlet";
        arguments[1] = "--server.port=0";
        System.arraycopy(USERS, 0, arguments, 2, USERS.length);
        System.arraycopy(more, 0, arguments, 2 + USERS.length, more.length);
        return Application.start(temp.resolve("store"), temp.resolve("out"), arguments);
    }

    private static Http http(ConfigurableApplicationContext server) {
        return Http.on(((WebServerApplicationContext) server).getWebServer().getPort());
    }

    private static double metric(String prometheus, String name) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.E+-]+)$").matcher(prometheus);
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }

    @Test
    void countsCommandsEventsAndTheViewsLagAsTheWorkIsDone() throws Exception {
        try (ConfigurableApplicationContext server = serve()) {
            Http http = http(server);
            assertThat(http.as(null).get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
            assertThat(http.as(null).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(http.as(null).get("/actuator/prometheus").statusCode()).isEqualTo(401);

            http.post("/api/programmes", "{\"programmeId\": \"p\", \"name\": \"A programme\"}");
            http.post("/api/plan-periods", "{\"periodId\": \"x\", \"programmeId\": \"nowhere\", \"label\": \"x\", "
                    + "\"startsOn\": \"2020-01-01\", \"endsOn\": \"2020-12-31\"}");
            server.getBean(LedgerImporter.class).importFiles(SeedData.files(),
                    Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
            server.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(1));
            // Sealing follows commits on its own thread: the tree's size is read once it has caught up.
            server.getBean(Sequencer.class).sealPending();
            String metrics = http.as(Http.VIEWER).get("/actuator/prometheus").body();

            assertThat(metric(metrics, "ledger_commands_seconds_count{command=\"EstablishProgramme\","
                    + "outcome=\"handled\"}")).isEqualTo(2.0);
            assertThat(metric(metrics, "ledger_commands_seconds_count{command=\"OpenPlanPeriod\","
                    + "outcome=\"refused\"}")).isEqualTo(1.0);
            // The two requests' commands, each committed by the group commit writer alone; the import's files
            // commit in their own transactions.
            assertThat(metric(metrics, "ledger_commands_group_commands_count")).isEqualTo(2.0);
            assertThat(metric(metrics, "ledger_commands_group_commands_sum")).isEqualTo(2.0);
            assertThat(metric(metrics, "ledger_events_appended_total")).isEqualTo(137.0);
            assertThat(metric(metrics, "ledger_tree_size")).isEqualTo(137.0);
            assertThat(metric(metrics, "ledger_processor_lag{processor=\"ledger-views\"}")).isZero();

            server.getBean(ViewReplay.class).replay(Duration.ofMinutes(1), (reached, head) -> { });
            String afterReplay = http.as(Http.VIEWER).get("/actuator/prometheus").body();
            assertThat(metric(afterReplay, "ledger_processor_lag{processor=\"ledger-views\"}")).isZero();
            assertThat(afterReplay).contains("spring_batch", "ledger_events_head_position 137.0");
        }
    }

    @Test
    void isNotReadyWhileItsDatabaseIsDown() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        try (ConfigurableApplicationContext server = serve(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.connection-timeout=1000")) {
            Http http = http(server);
            assertThat(http.as(null).get("/actuator/health/readiness").statusCode()).isEqualTo(200);

            postgres.close();
            HttpResponse<String> readiness = http.as(null).get("/actuator/health/readiness");

            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
            assertThat(http.as(null).get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        }
    }
}
