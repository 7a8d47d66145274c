package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads of the ledger as it stands, over real HTTP, after the seed programme is recorded. */
@SpringBootTest(classes = AnalyticsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViewsControllerIT {

    private static final String PERIOD = "/api/plan-periods/gdhk-ipr-2020-mid-2022";

    @LocalServerPort
    int port;
    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    JdbcTemplate jdbc;

    private Http http;

    @BeforeEach
    void recordTheSeed() throws Exception {
        importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
        views.awaitHead(Duration.ofMinutes(2));
        http = Http.on(port).as(Http.VIEWER);
    }

    @Test
    void readsTheItemsOfThePlanPeriodWithTheLedgerPosition() {
        HttpResponse<String> items = http.get(PERIOD + "/items");

        assertThat(items.statusCode()).isEqualTo(200);
        // The seed's last event: the 136th, at a higher position where PostgreSQL's positions drawn ahead left gaps.
        assertThat(items.headers().firstValue("Ledger-Position")).hasValue(jdbc.queryForObject(
                "SELECT MAX(global_index) FROM domain_event_entry", Long.class).toString());
        assertThat(items.body()).contains("\"number\":19", "\"status\":\"COMPLETED\"",
                "\"leadOrganisations\":[\"gd-customs\",\"hk-customs\",\"macao-customs\"]");
    }

    @Test
    void readsAFigureAsAReaderWouldSayIt() {
        HttpResponse<String> figure = http.get(PERIOD + "/figures/6.1.2");

        assertThat(figure.body()).contains("\"value\":6980000", "\"qualifier\":\"more-than\"",
                "\"statedAs\":\"more than 6980000\"", "\"side\":\"guangdong\"", "\"extentStart\":\"2020-01-01\"");
    }

    @Test
    void listsTheMetricCatalogue() {
        HttpResponse<String> metrics = http.get("/api/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("{\"metricId\":\"residents-passed-examination\","
                + "\"label\":\"Residents passed examination\",\"units\":[\"residents\"],"
                + "\"aggregation\":\"cumulative\",\"chartable\":true,");
    }

    @Test
    void readsAFiguresSourceAndHowItAggregates() {
        HttpResponse<String> figure = http.get(PERIOD + "/figures/15.0.1");

        assertThat(figure.body()).contains("\"aggregation\":\"cumulative\"", "\"scope\":\"item\"",
                "\"disputed\":false", "\"source\":{\"text\":\"Since 2004, a total of 75 Hong Kong residents "
                        + "have passed the examination\"", "\"values\":[]");
    }

    @Test
    void givesThePeriodsVersionAsItsETag() {
        HttpResponse<String> period = http.get(PERIOD);

        assertThat(period.headers().firstValue("ETag")).hasValue("\"91\"");
        assertThat(period.body()).contains("\"version\":91", "\"label\":\"2020 - mid-2022\"");
    }

    @Test
    void answersUnknownThingsWith404AndAnonymousReadersWith401() {
        assertThat(http.get(PERIOD + "/figures/99.9.9").statusCode()).isEqualTo(404);
        assertThat(http.as(null).get(PERIOD + "/items").statusCode()).isEqualTo(401);
    }
}
