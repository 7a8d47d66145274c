package org.programmeledger.ledger.proving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.PublishPeriod;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.proof.Checkpoint;
import org.programmeledger.ledger.proof.CheckpointKeys;
import org.programmeledger.ledger.proof.MerkleHash;
import org.programmeledger.ledger.proof.ProofFile;
import org.programmeledger.ledger.proof.ProofVerifier;
import org.programmeledger.ledger.proof.SignedCheckpoint;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.sealing.Sequencer;
import org.programmeledger.ledger.store.LedgerHead;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.web.Http;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proofs from the sealed store: a published, corrected figure proved at the publication's checkpoint (and
 * not its later correction), a consistency proof from that checkpoint after more was recorded, both checked
 * by the standalone verifier with the ledger's public key; the auditors' HTTP API and its refusals.
 */
@SpringBootTest(classes = LedgerTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Its publications and corrections must not meet the next test class that shares this cached context.
@DirtiesContext
class ProverIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";
    private static final String PERIOD_API = "/api/plan-periods/" + PERIOD;
    private static final List<PublishedFile> FILES = List.of(new PublishedFile("report/summary.html",
            "0".repeat(64), 1200));

    @Autowired
    LedgerImporter importer;
    @Autowired
    CommandGateway commands;
    @Autowired
    LedgerHead head;
    @Autowired
    LedgerVerifier ledger;
    @Autowired
    Sequencer sequencer;
    @Autowired
    Prover prover;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void provesAPublishedFigureAndThatTheLedgerExtendsThePublicationsCheckpoint() throws Exception {
        Http http = Http.on(port);
        assertThat(importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import",
                RecordingMetaData.USER, "sam", RecordingMetaData.ROLE, "SECRETARIAT"), ImportListener.SILENT))
                .flatExtracting(ImportReport::problems).isEmpty();
        assertThat(http.as(Http.SECRETARIAT).post(PERIOD_API + "/figures/5.1.1/corrections",
                "{\"value\": 185, \"qualifier\": \"about\", \"reason\": \"the customs registers\"}").statusCode())
                .isEqualTo(200);
        assertThat(http.as(Http.SECRETARIAT).post(PERIOD_API + "/submission", "{}").statusCode()).isEqualTo(200);
        assertThat(http.as(Http.APPROVER).post(PERIOD_API + "/approval", "{}").statusCode()).isEqualTo(200);
        long published = head.position();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new PublishPeriod(PERIOD, 1, published,
                ledger.digestAt(published).hash(), FILES, null)).andMetaData(Map.of(RecordingMetaData.USER, "sam",
                RecordingMetaData.ROLE, "SECRETARIAT")));
        ProofVerifier auditor = new ProofVerifier(List.of(CheckpointKeys.parsePublicKey(ledger.publicKey())));

        ProofFile figure = prover.figure("5.1.1", 1, null);
        ProofVerifier.Report report = auditor.verify(figure.json());
        assertThat(report.verified()).as(String.join("\n", report.lines())).isTrue();
        assertThat(figure.events()).extracting(event -> event.event().path("payloadType").asText()).containsExactly(
                "org.programmeledger.ledger.api.FigureRecorded", "org.programmeledger.ledger.api.FigureCorrected");
        assertThat(figure.events().get(1).event().path("position").asLong()).isLessThanOrEqualTo(published);
        SignedCheckpoint atPublication = SignedCheckpoint.parseLine(figure.checkpoint());
        // Positions may have gaps (on PostgreSQL, positions drawn ahead), so the leaf is what the checkpoint must cover.
        assertThat(atPublication.checkpoint().treeSize()).isGreaterThan(jdbc.queryForObject(
                "SELECT leaf_index FROM ledger_tree_leaf WHERE position = ?", Long.class, published));

        HttpResponse<String> overHttp = http.as(Http.AUDITOR).get("/api/audit/proofs/figure?figure=5.1.1"
                + "&publication=1&period=" + PERIOD);
        assertThat(overHttp.statusCode()).as(overHttp.body()).isEqualTo(200);
        assertThat(overHttp.body()).isEqualTo(figure.json());
        assertThat(http.as(Http.VIEWER).get("/api/audit/proofs/figure?figure=5.1.1&publication=1").statusCode())
                .isEqualTo(403);
        assertThat(http.as(Http.AUDITOR).get("/api/audit/proofs/figure?figure=9.9.9&publication=1").body())
                .contains("has no figure 9.9.9 recorded by publication 1");
        assertThat(http.as(Http.AUDITOR).get("/api/audit/proofs/figure?figure=5.1.1&publication=2").statusCode())
                .isEqualTo(400);

        assertThat(http.as(Http.SECRETARIAT).post(PERIOD_API + "/figures/5.1.1/corrections",
                "{\"value\": 186, \"qualifier\": \"exactly\", \"reason\": \"a recount\"}").statusCode())
                .isEqualTo(200);
        assertThat(sequencer.awaitSealed(head.position(), Duration.ofSeconds(30))).isTrue();
        assertThat(prover.figure("5.1.1", 1, PERIOD).json()).as("a later correction is not in the publication")
                .isEqualTo(figure.json());

        ProofFile extension = prover.consistency(atPublication);
        assertThat(auditor.verify(extension.json()).verified()).isTrue();
        assertThat(SignedCheckpoint.parseLine(extension.to()).checkpoint().treeSize())
                .isGreaterThan(atPublication.checkpoint().treeSize());
        HttpResponse<String> extensionOverHttp = http.as(Http.AUDITOR).post("/api/audit/proofs/consistency",
                figure.json());
        assertThat(extensionOverHttp.statusCode()).as(extensionOverHttp.body()).isEqualTo(200);
        assertThat(auditor.verify(extensionOverHttp.body()).verified()).isTrue();

        Checkpoint held = atPublication.checkpoint();
        SignedCheckpoint forked = SignedCheckpoint.sign(new Checkpoint(held.origin(), held.treeSize(),
                MerkleHash.leaf(new byte[] {1}), held.timestamp()), CheckpointKeys.generate());
        assertThatThrownBy(() -> prover.consistency(forked)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("this ledger does NOT extend the checkpoint");
        HttpResponse<String> forkedOverHttp = http.as(Http.AUDITOR).post("/api/audit/proofs/consistency",
                forked.line());
        assertThat(forkedOverHttp.statusCode()).isEqualTo(409);
        assertThat(forkedOverHttp.body()).contains("does NOT extend");
        SignedCheckpoint tooLong = SignedCheckpoint.sign(new Checkpoint(held.origin(), 1_000_000, held.rootHash(),
                held.timestamp()), CheckpointKeys.generate());
        assertThat(http.as(Http.AUDITOR).post("/api/audit/proofs/consistency", tooLong.line()).statusCode())
                .isEqualTo(400);
    }
}
