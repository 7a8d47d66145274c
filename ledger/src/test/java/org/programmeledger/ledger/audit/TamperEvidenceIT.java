package org.programmeledger.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.importing.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** The seed ledger, tampered with by SQL behind the application's back: verify names the position. */
@SpringBootTest(classes = LedgerTestApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class TamperEvidenceIT {

    @Autowired
    LedgerImporter importer;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    @BeforeEach
    void recordTheSeed() {
        importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
    }

    private long positionOf(String payloadFragment) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE payload LIKE ?", Long.class,
                "%" + payloadFragment + "%");
    }

    @Test
    void anUntouchedLedgerVerifiesClean() {
        VerifyReport report = verifier.verify();

        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(119);
        assertThat(report.headPosition()).isEqualTo(119);
    }

    @Test
    void findsAChangedPayload() {
        long position = positionOf("\"figureId\":\"6.1.2\"");
        jdbc.update("UPDATE domain_event_entry SET payload = REPLACE(payload, '6980000', '698000') "
                + "WHERE global_index = ?", position);

        VerifyReport report = verifier.verify();

        assertThat(report.brokenAt()).isEqualTo(position);
        assertThat(report.problem()).isEqualTo("the event or its seal was changed");
    }

    @Test
    void findsAChangedFigureInTheMetadata() {
        long position = positionOf("\"figureId\":\"5.1.1\"");
        jdbc.update("UPDATE domain_event_entry SET meta_data = REPLACE(meta_data, '\"line\":9', '\"line\":8') "
                + "WHERE global_index = ?", position);

        assertThat(verifier.verify().brokenAt()).isEqualTo(position);
    }

    @Test
    void findsADeletedEvent() {
        long position = positionOf("\"activityId\":\"7.2\"");
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", position);

        VerifyReport report = verifier.verify();

        assertThat(report.brokenAt()).isEqualTo(position);
        assertThat(report.problem()).startsWith("the sealed event ").endsWith(" was deleted");
    }

    @Test
    void findsAnEventInsertedByHand() {
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data) SELECT 'forged', "
                + "aggregate_identifier, 1000, type, time_stamp, payload_type, payload_revision, payload, meta_data "
                + "FROM domain_event_entry WHERE global_index = 50");

        VerifyReport report = verifier.verify();

        assertThat(report.brokenAt()).isEqualTo(120);
        assertThat(report.problem()).contains("not sealed");
    }

    @Test
    void findsTwoEventsSwapped() {
        jdbc.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = 40");
        jdbc.update("UPDATE domain_event_entry SET global_index = 40 WHERE global_index = 41");
        jdbc.update("UPDATE domain_event_entry SET global_index = 41 WHERE global_index = -1");

        VerifyReport report = verifier.verify();

        assertThat(report.brokenAt()).isEqualTo(40);
        assertThat(report.problem()).contains("replaced", "reordered");
    }

    @Test
    void findsAChangedSeal() {
        jdbc.update("UPDATE ledger_seal SET hash = REPLACE(hash, SUBSTRING(hash, 1, 1), 'x') WHERE position = 77");

        assertThat(verifier.verify().brokenAt()).isEqualTo(77);
    }

    @Test
    void anOldDigestVerifiesAgainstALongerLedgerAndFailsAgainstARewrittenOne() {
        Digest digest = verifier.digest();
        commands.sendAndWait(new RegisterOrganisation("later", "An organisation registered later", null, Side.OTHER));

        assertThat(verifier.verify(digest).intact()).isTrue();
        assertThat(verifier.digest().position()).isEqualTo(120);

        rewriteHistoryAndResealEverything();
        VerifyReport rewritten = verifier.verify(digest);
        assertThat(verifier.verify().intact()).as("the forger resealed the whole chain").isTrue();
        assertThat(rewritten.brokenAt()).isEqualTo(digest.position());
        assertThat(rewritten.problem()).contains("history before it was rewritten");
    }

    @Test
    void sealsEveryEventOnceWhenCommandsArriveConcurrently() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            String id = "concurrent-" + n;
            sent.add(clients.submit(() -> commands.sendAndWait(new RegisterOrganisation(id, "Organisation " + id,
                    null, Side.OTHER))));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        clients.shutdown();

        VerifyReport report = verifier.verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(319);
    }

    /** What a forger with full database access and this code would do: change an event, recompute every seal. */
    private void rewriteHistoryAndResealEverything() {
        jdbc.update("UPDATE domain_event_entry SET payload = REPLACE(payload, '\"value\":183', '\"value\":193')");
        List<SealedEvent> events = jdbc.query("SELECT " + SealedEvent.COLUMNS + " FROM domain_event_entry "
                + "ORDER BY global_index", (row, n) -> SealedEvent.read(row));
        String hash = SealedEvent.GENESIS;
        for (SealedEvent event : events) {
            hash = event.hashAfter(hash);
            jdbc.update("UPDATE ledger_seal SET hash = ? WHERE position = ?", hash, event.position());
        }
        jdbc.update("UPDATE ledger_seal_head SET hash = ? WHERE id = 1", hash);
    }
}
