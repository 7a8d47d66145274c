package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.publication.Publisher;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.proof.Checkpoint;
import org.programmeledger.ledger.proof.CheckpointKeys;
import org.programmeledger.ledger.proof.MerkleHash;
import org.programmeledger.ledger.proof.SignedCheckpoint;
import org.programmeledger.ledger.proof.HeldCheckpoint;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.web.Http;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Proofs for auditors end to end: the seed period published with a corrected figure, its inclusion proof
 * over HTTP (role AUDITOR) and from the command line, checked by verify-proof with only the file and the
 * public key; tampered proofs, leaves and checkpoints refused; a consistency proof from the publication's
 * checkpoint after more was recorded; and a ledger changed after sealing that can no longer prove.
 */
class ProveIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";
    private static final String PERIOD_API = "/api/plan-periods/" + PERIOD;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] USERS = {
        "--ledger.security.users[0].name=sam",
        "--ledger.security.users[0].password-hash=$2a$04$q6XhBsIzlBKiVnMRooE05u8KO9fhq2aagCRzHSymDKeek8SlBMxCe",
        "--ledger.security.users[0].role=SECRETARIAT",
        "--ledger.security.users[1].name=april",
        "--ledger.security.users[1].password-hash=$2a$04$DQS7PefX1kFbM4YBSElgeekUhIKXwpknhi7LTk26knk3N81l782Nm",
        "--ledger.security.users[1].role=APPROVER",
        "--ledger.security.users[2].name=ada",
        "--ledger.security.users[2].password-hash=$2a$04$ag3Dvt5JyolHu3qPi9r02.QBsfAz3/XR31SCd0cxrOh0/W/VgmadC",
        "--ledger.security.users[2].role=AUDITOR",
        "--ledger.security.users[3].name=vic",
        "--ledger.security.users[3].password-hash=$2a$04$M3Tl/asREe9Ync4/3I8L.euvwUe873vnue46do7fMyTounASiQKPq",
        "--ledger.security.users[3].role=VIEWER"};

    @TempDir
    Path temp;

    @Test
    void aPublishedFigureIsProvedAndTheLedgerShownToExtendThePublicationsCheckpoint() throws Exception {
        Path store = temp.resolve("store");
        Path httpProof = temp.resolve("from-http.json");
        String consistencyOverHttp;
        try (ConfigurableApplicationContext server = serve()) {
            Http http = Http.on(((WebServerApplicationContext) server).getWebServer().getPort());
            server.getBean(LedgerImporter.class).importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL,
                    "csv-import", RecordingMetaData.USER, "sam", RecordingMetaData.ROLE, "SECRETARIAT"),
                    ImportListener.SILENT);
            assertThat(http.as(Http.SECRETARIAT).post(PERIOD_API + "/figures/2.2.1/corrections",
                    "{\"value\": 210, \"qualifier\": \"exactly\", \"reason\": \"the final count\"}").statusCode())
                    .isEqualTo(200);
            assertThat(http.as(Http.SECRETARIAT).post(PERIOD_API + "/submission", "{}").statusCode()).isEqualTo(200);
            assertThat(http.as(Http.APPROVER).post(PERIOD_API + "/approval", "{}").statusCode()).isEqualTo(200);
            assertThat(http.as(Http.SECRETARIAT).post(PERIOD_API + "/publications", "{}").statusCode())
                    .isEqualTo(201);

            String figureProof = "/api/audit/proofs/figure?figure=2.2.1&publication=1";
            assertThat(http.as(Http.VIEWER).get(figureProof).statusCode()).isEqualTo(403);
            HttpResponse<String> proved = http.as(Http.AUDITOR).get(figureProof);
            assertThat(proved.statusCode()).as(proved.body()).isEqualTo(200);
            Files.writeString(httpProof, proved.body());
            JsonNode proof = JSON.readTree(proved.body());
            assertThat(proof.path("kind").asText()).isEqualTo("inclusion");
            assertThat(proof.path("events")).extracting(event -> event.path("event").path("payloadType").asText())
                    .containsExactly("org.programmeledger.ledger.api.FigureRecorded",
                            "org.programmeledger.ledger.api.FigureCorrected");
            assertThat(proof.path("events").get(1).path("event").path("payload").path("value").asInt())
                    .isEqualTo(210);
            assertThat(http.as(Http.AUDITOR).get("/api/audit/proofs/figure?figure=9.9.9&publication=1").statusCode())
                    .isEqualTo(400);

            assertThat(http.as(Http.SECRETARIAT).post(PERIOD_API + "/figures/2.2.2/corrections",
                    "{\"value\": 1270, \"qualifier\": \"exactly\", \"reason\": \"a late report\"}").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> extension = http.as(Http.AUDITOR).post("/api/audit/proofs/consistency",
                    proved.body());
            assertThat(extension.statusCode()).as(extension.body()).isEqualTo(200);
            consistencyOverHttp = extension.body();
        }
        Path publicKey = publicKeyFile(store);

        Cli verified = Cli.run("verify-proof", httpProof.toString(), "--public-key", publicKey.toString());
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("signature verified", "(FigureRecorded of figure 2.2.1 at position ",
                "(FigureCorrected of figure 2.2.1 at position ", "VERIFIED: 2 event(s)");

        Path cliProof = temp.resolve("from-cli.json");
        Cli prove = Cli.run("prove", "--figure", "2.2.1", "--publication", "1", "--store", store.toString(),
                "--to", cliProof.toString());
        assertThat(prove.exitCode()).as(prove.output()).isZero();
        assertThat(prove.output()).contains("Wrote an inclusion proof of 2 event(s) of figure 2.2.1 of plan period "
                + PERIOD + " as of publication 1");
        assertThat(prove.output()).contains("--public-key " + Files.readAllLines(publicKey).get(0));
        assertThat(Files.readString(cliProof)).isEqualTo(Files.readString(httpProof));

        String text = Files.readString(cliProof);
        JsonNode recorded = JSON.readTree(text).path("events").get(0);
        String leafData = recorded.path("leafData").asText();
        String forgedData = Base64.getEncoder().encodeToString(new String(Base64.getDecoder().decode(leafData),
                StandardCharsets.UTF_8).replace("206", "260").getBytes(StandardCharsets.UTF_8));
        SignedCheckpoint checkpoint = SignedCheckpoint.parseLine(JSON.readTree(text).path("checkpoint").asText());
        Checkpoint claimed = checkpoint.checkpoint();
        String otherSize = new SignedCheckpoint(new Checkpoint(claimed.origin(), claimed.treeSize() + 1,
                claimed.rootHash(), claimed.timestamp()), checkpoint.keyId(), checkpoint.signature()).line();
        String selfSigned = SignedCheckpoint.sign(claimed, CheckpointKeys.generate()).line();
        for (String tampered : List.of(text.replace(leafData, forgedData), text.replace("\"value\" : 206",
                        "\"value\" : 260"), text.replace(recorded.path("proof").get(0).asText(),
                        Base64.getEncoder().encodeToString(MerkleHash.emptyRoot())),
                text.replace(checkpoint.line(), otherSize), text.replace(checkpoint.line(), selfSigned))) {
            assertThat(tampered).isNotEqualTo(text);
            Files.writeString(cliProof, tampered);
            Cli refused = Cli.run("verify-proof", cliProof.toString(), "--public-key", publicKey.toString());
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("NOT VERIFIED");
        }

        Path consistency = temp.resolve("consistency.json");
        Files.writeString(consistency, consistencyOverHttp);
        Cli extended = Cli.run("verify-proof", consistency.toString(), "--public-key", publicKey.toString());
        assertThat(extended.exitCode()).as(extended.output()).isZero();
        assertThat(extended.output()).contains("VERIFIED: the ledger of ");
        Path kept = temp.resolve("out/publications/" + PERIOD + "/1/" + Publisher.CHECKPOINT);
        assertThat(HeldCheckpoint.read(Files.readString(kept))).as("the checkpoint the publication keeps")
                .isEqualTo(checkpoint);
        Cli fromCli = Cli.run("prove", "--from", kept.toString(), "--store", store.toString(), "--to",
                consistency.toString());
        assertThat(fromCli.exitCode()).as(fromCli.output()).isZero();
        assertThat(Cli.run("verify-proof", consistency.toString(), "--public-key", publicKey.toString()).exitCode())
                .isZero();

        // After a rotation the publication's checkpoint is still the retired key's: the hint names that key.
        String retiredKey = Files.readAllLines(publicKey).get(0);
        Cli rotated = Cli.run("key", "rotate", "--store", store.toString());
        assertThat(rotated.exitCode()).as(rotated.output()).isZero();
        Path afterRotation = temp.resolve("after-rotation.json");
        Cli proveAfterRotation = Cli.run("prove", "--figure", "2.2.1", "--publication", "1", "--store",
                store.toString(), "--to", afterRotation.toString());
        assertThat(proveAfterRotation.exitCode()).as(proveAfterRotation.output()).isZero();
        String hinted = proveAfterRotation.output().substring(proveAfterRotation.output().indexOf("--public-key ")
                + "--public-key ".length()).strip();
        assertThat(hinted).isEqualTo(retiredKey);
        assertThat(Cli.run("verify-proof", afterRotation.toString(), "--public-key", hinted).exitCode()).isZero();

        Path forked = temp.resolve("forked.txt");
        Files.writeString(forked, SignedCheckpoint.sign(new Checkpoint(claimed.origin(), claimed.treeSize(),
                MerkleHash.leaf(new byte[] {1}), claimed.timestamp()), CheckpointKeys.generate()).line() + "\n");
        Cli notExtended = Cli.run("prove", "--from", forked.toString(), "--store", store.toString(), "--to",
                temp.resolve("never.json").toString());
        assertThat(notExtended.exitCode()).isEqualTo(1);
        assertThat(notExtended.output()).contains("this ledger does NOT extend the checkpoint");
        assertThat(temp.resolve("never.json")).doesNotExist();

        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + store.resolve("ledger"), "sa", "");
             Statement sql = connection.createStatement()) {
            assertThat(sql.executeUpdate("UPDATE domain_event_entry SET payload = REPLACE(payload, '206', '260') "
                    + "WHERE payload_type LIKE '%FigureRecorded' AND payload LIKE '%\"figureId\":\"2.2.1\"%'"))
                    .isEqualTo(1);
        }
        Cli changed = Cli.run("prove", "--figure", "2.2.1", "--publication", "1", "--store", store.toString(),
                "--to", temp.resolve("changed.json").toString());
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.output()).contains("it was changed after sealing");

        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + store.resolve("ledger"), "sa", "");
             Statement sql = connection.createStatement()) {
            assertThat(sql.executeUpdate("UPDATE ledger_tree_leaf SET leaf_hash = '" + "0".repeat(64) + "' "
                    + "WHERE leaf_index = (SELECT MAX(leaf_index) FROM ledger_tree_leaf)")).isEqualTo(1);
        }
        Cli rewritten = Cli.run("prove", "--from", kept.toString(), "--store", store.toString(), "--to",
                temp.resolve("rewritten.json").toString());
        assertThat(rewritten.exitCode()).isEqualTo(1);
        assertThat(rewritten.output()).contains("the ledger's leaves no longer give the root its newest checkpoint");
    }

    private ConfigurableApplicationContext serve() {
        List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=servlet",
                "--server.port=0"));
        arguments.addAll(List.of(USERS));
        return Application.start(temp.resolve("store"), temp.resolve("out"), arguments.toArray(String[]::new));
    }

    /** The public half of the signing key as 'key show' prints it, the way an auditor is handed it. */
    private Path publicKeyFile(Path store) throws Exception {
        Cli shown = Cli.run("key", "show", "--store", store.toString());
        assertThat(shown.exitCode()).as(shown.output()).isZero();
        String key = shown.output().lines().filter(line -> line.startsWith("public key:"))
                .map(line -> line.substring("public key:".length()).strip()).findFirst().orElseThrow();
        return Files.writeString(temp.resolve("ledger.pub"), key + "\n");
    }
}
