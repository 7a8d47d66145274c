package org.programmeledger.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The catalogue, bounds, other sources' values and their adoption over the real HTTP server. A store of its own:
 * once a metric is defined, every figure must name one, which the other API tests do not.
 */
@SpringBootTest(classes = LedgerTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.test.catalogue=defined")
@DirtiesContext
class FigureFactsApiIT {

    private static final String PERIOD = "/api/plan-periods/gd-2014";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private static String figure(String id, String metric, String unit, String qualifier, String high) {
        return "{\"figureId\": \"" + id + "\", \"metric\": \"" + metric + "\", \"value\": 300, "
                + (high == null ? "" : "\"valueHigh\": " + high + ", ") + "\"unit\": \"" + unit + "\", "
                + "\"qualifier\": \"" + qualifier + "\", \"side\": \"joint\", \"extent\": \"2015\", "
                + "\"basis\": \"flow\", \"source\": \"between 300 and 400 applications\", "
                + "\"sourceReference\": {\"document\": \"Contest leaflet\", \"date\": \"2015-06\", "
                + "\"location\": \"p. 2\", \"link\": \"https://example.org/leaflet\"}}";
    }

    @Test
    void refusesUnknownMetricsWithTheKnownOnesAndKeepsDisputedValuesBesideEachOther() {
        Http http = Http.on(port);
        assertThat(http.post("/api/programmes", """
                {"programmeId": "gdhk", "name": "Expert Group"}""").statusCode()).isEqualTo(201);
        assertThat(http.post("/api/plan-periods", """
                {"periodId": "gd-2014", "programmeId": "gdhk", "label": "2014 - 2016",
                 "startsOn": "2014-01-01", "endsOn": "2016-12-31"}""").statusCode()).isEqualTo(201);
        HttpResponse<String> defined = http.post("/api/metrics", """
                {"metricId": "valid-applications", "label": "Valid applications", "units": ["applications"],
                 "aggregation": "sum", "chartable": true, "source": "applications to a contest"}""");
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        assertThat(http.post("/api/metrics", """
                {"metricId": "pass-rate", "label": "Pass rate", "units": ["percent"], "aggregation": "share",
                 "chartable": false, "source": "a rate"}""").body())
                .contains("aggregation", "expected one of: sum, cumulative, level, ratio, distinct");

        HttpResponse<String> unknown = http.post(PERIOD + "/figures",
                figure("p.1", "applications", "applications", "between", "400"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("metric applications of figure p.1 is not in the catalogue; "
                + "known metrics: valid-applications");
        assertThat(http.post(PERIOD + "/figures", figure("p.1", "valid-applications", "forms", "between", "400"))
                .body()).contains("unit forms of figure p.1 is not a unit of metric valid-applications; "
                + "its units: applications");
        assertThat(http.post(PERIOD + "/figures", figure("p.1", "valid-applications", "applications", "between",
                "200")).body()).contains("the high end of figure p.1 (200) must be above its low end (300)");

        HttpResponse<String> recorded = http.post(PERIOD + "/figures",
                figure("p.1", "valid-applications", "applications", "between", "400"));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        HttpResponse<String> other = http.post(PERIOD + "/figures/p.1/values", """
                {"value": 350, "qualifier": "about", "source": "about 350 applications",
                 "sourceReference": {"document": "Annual report 2015"}}""");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        HttpResponse<String> adopted = http.post(PERIOD + "/figures/p.1/adoption", """
                {"valueNumber": 1, "reason": "the annual report counts them"}""");
        assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(200);

        assertThat(http.post("/api/metrics", """
                {"metricId": "meetings-held", "label": "Meetings held", "units": ["meetings"],
                 "aggregation": "sum", "chartable": false, "source": "meetings of the Expert Group"}""")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> meeting = http.post("/api/programmes/gdhk/figures", """
                {"figureId": "g.14", "metric": "meetings-held", "value": 1, "unit": "meetings",
                 "qualifier": "exactly", "side": "joint", "dateLabel": "the 14th meeting", "basis": "flow",
                 "source": "at its 14th meeting"}""");
        assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE payload_type LIKE "
                + "'%.ProgrammeFigureRecorded'", String.class)).contains("\"dateLabel\":\"the 14th meeting\"",
                "\"precision\":\"UNSTATED\"", "\"start\":null");

        HttpResponse<String> otherMeeting = http.post("/api/programmes/gdhk/figures/g.14/values", """
                {"value": 2, "qualifier": "exactly", "source": "two sessions of the 14th meeting",
                 "sourceReference": {"document": "Press release", "link": "https://example.org/press"}}""");
        assertThat(otherMeeting.statusCode()).as(otherMeeting.body()).isEqualTo(200);
        assertThat(http.post("/api/programmes/gdhk/figures/g.14/values", """
                {"value": 1, "qualifier": "exactly", "source": "one meeting"}""").body())
                .contains("figure g.14 already has the value 1; a source that agrees is not a dispute");
        assertThat(http.post("/api/programmes/gdhk/figures/g.14/adoption", """
                {"valueNumber": 3, "reason": "a third"}""").body()).contains("figure g.14 has the values 0 to 1, not 3");
        HttpResponse<String> meetingAdopted = http.post("/api/programmes/gdhk/figures/g.14/adoption", """
                {"valueNumber": 0, "reason": "the minutes count one meeting"}""");
        assertThat(meetingAdopted.statusCode()).as(meetingAdopted.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE payload_type LIKE "
                + "'%.ProgrammeAlternativeValueRecorded'", String.class)).contains("\"programmeId\":\"gdhk\"",
                "\"valueNumber\":1", "\"value\":2", "\"link\":\"https://example.org/press\"");
        assertThat(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE payload_type LIKE "
                + "'%.ProgrammeValueAdopted'", String.class)).contains("\"valueNumber\":0", "\"value\":1",
                "\"reason\":\"the minutes count one meeting\"");

        assertThat(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE payload_type LIKE "
                + "'%.FigureRecorded'", String.class)).contains("\"itemNumber\":null", "\"qualifier\":\"BETWEEN\"",
                "\"valueHigh\":400", "\"aggregation\":\"SUM\"", "\"document\":\"Contest leaflet\"",
                "\"link\":\"https://example.org/leaflet\"");
        assertThat(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE payload_type LIKE "
                + "'%.ValueAdopted'", String.class)).contains("\"valueNumber\":1", "\"value\":350",
                "\"reason\":\"the annual report counts them\"");
    }
}
