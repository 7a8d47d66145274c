package org.programmeledger.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.sealing.Sequencer;
import org.programmeledger.ledger.service.AsOfState;
import org.programmeledger.ledger.service.AuditEntry;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.web.Http;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * History and as-of answers for the seed programme, recorded "on 2022-07-15" and corrected "on 2023-03-01"
 * (Axon's event clock set for the test), through the trail, the export and the auditors' HTTP API.
 */
@SpringBootTest(classes = LedgerTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class AuditTrailIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";
    private static final Instant RECORDED = Instant.parse("2022-07-15T09:00:00Z");
    private static final Instant CORRECTED = Instant.parse("2023-03-01T09:00:00Z");

    @Autowired
    LedgerImporter importer;
    @Autowired
    CommandGateway commands;
    @Autowired
    AuditTrail trail;
    @Autowired
    AsOf asOf;
    @Autowired
    AuditExport export;
    @Autowired
    Sequencer sequencer;
    @LocalServerPort
    int port;

    @BeforeEach
    void recordTheSeedThenCorrectIt() {
        GenericEventMessage.clock = Clock.fixed(RECORDED, ZoneOffset.UTC);
        assertThat(importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import",
                RecordingMetaData.USER, "secretariat"), ImportListener.SILENT))
                .flatExtracting(ImportReport::problems).isEmpty();
        GenericEventMessage.clock = Clock.fixed(CORRECTED, ZoneOffset.UTC);
        commands.sendAndWait(new CorrectFigure(PERIOD, "5.1.1", new BigDecimal("185"), Qualifier.ABOUT,
                "the customs registers count about 185"));
        commands.sendAndWait(new RetractActivity(PERIOD, "5.1", "recorded twice"));
        // Sealing follows commits on its own thread; the trail shows a leaf hash once an event is sealed.
        sequencer.sealPending();
    }

    @AfterEach
    void restoreTheClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void theHistoryOfAnItemShowsEachCorrectionUnderWhatItCorrects() {
        List<AuditEntry> history = trail.item(PERIOD, 5);

        assertThat(history).extracting(AuditEntry::event).containsExactly("ItemRegistered", "ActivityRecorded",
                "ActivityRetracted", "FigureRecorded", "FigureCorrected", "ItemCompleted");
        AuditEntry correction = history.get(4);
        assertThat(correction.corrects()).isEqualTo("figure 5.1.1");
        assertThat(correction.recordedAt()).isEqualTo("2023-03-01T09:00:00.000Z");
        assertThat(correction.payload()).containsEntry("previousValue", 183).containsEntry("value", 185)
                .containsEntry("reason", "the customs registers count about 185");
        AuditEntry figure = history.get(3);
        assertThat(figure.occurred()).isEqualTo("From January 2020 to June 2022 (2020-01-01 to 2022-06-30)");
        assertThat(figure.metaData()).containsEntry("user", "secretariat").containsEntry("file", "06-figures.csv");
        assertThat(figure.seal()).hasSize(64);
    }

    @Test
    void answersWhatTheLedgerSaidBeforeAndAfterTheCorrection() {
        AsOfState reported = asOf.at(AsOf.parseTime("2022-07-31"), PERIOD);
        AsOfState now = asOf.at(AsOf.parseTime("2023-12-31"), PERIOD);
        AsOfState before = asOf.at(AsOf.parseTime("2022-07-01"), null);

        assertThat(figure(reported, "5.1.1").statedAs()).isEqualTo("183");
        assertThat(figure(now, "5.1.1").statedAs()).isEqualTo("about 185");
        assertThat(figure(now, "5.1.1").corrected()).isTrue();
        assertThat(reported.periods().get(0).activities()).filteredOn(a -> a.activityId().equals("5.1"))
                .singleElement().satisfies(activity -> assertThat(activity.retracted()).isFalse());
        assertThat(now.periods().get(0).activities()).filteredOn(a -> a.activityId().equals("5.1"))
                .singleElement().satisfies(activity -> assertThat(activity.retracted()).isTrue());
        assertThat(reported.events()).isEqualTo(136);
        assertThat(before.events()).isZero();
        assertThat(before.periods()).isEmpty();
    }

    @Test
    void exportsOneCsvRowPerEventWithEveryMetadataField() throws Exception {
        StringWriter csv = new StringWriter();

        long rows = export.write(csv);

        assertThat(rows).isEqualTo(138);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("position,aggregate_identifier,sequence_number,event,recorded_at,occurred,"
                + "corrects,user,role,channel,file,line,idempotency_key,accepted_at,correlation_id,trace_id,"
                + "other_metadata,payload,seal");
        assertThat(lines).hasSize(139);
        assertThat(lines[137]).contains("FigureCorrected", "figure 5.1.1", "2023-03-01T09:00:00.000Z");
    }

    @Test
    void servesTheAuditorsAndNoOneElse() {
        Http http = Http.on(port);

        HttpResponse<String> history = http.as(Http.AUDITOR).get("/api/audit/history?period=" + PERIOD + "&item=5");
        HttpResponse<String> asOfJuly = http.as(Http.AUDITOR).get("/api/audit/as-of?at=2022-07-31&period=" + PERIOD);
        HttpResponse<String> verify = http.as(Http.AUDITOR).get("/api/audit/verify");

        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("\"corrects\":\"figure 5.1.1\"");
        assertThat(asOfJuly.body()).contains("\"figureId\":\"5.1.1\"", "\"statedAs\":\"183\"");
        assertThat(verify.body()).contains("\"eventsChecked\":138", "\"brokenAt\":null");
        assertThat(http.as(Http.AUDITOR).get("/api/audit/trail.csv").body()).startsWith("position,");
        assertThat(http.as(Http.SECRETARIAT).get("/api/audit/verify").statusCode()).isEqualTo(403);
        assertThat(http.as(Http.VIEWER).get("/api/audit/history?period=" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(http.as(Http.AUDITOR).get("/api/audit/as-of?at=last-july").statusCode()).isEqualTo(400);
    }

    private static AsOfState.Figure figure(AsOfState state, String figureId) {
        return state.periods().get(0).figures().stream().filter(f -> f.figureId().equals(figureId)).findFirst()
                .orElseThrow();
    }
}
