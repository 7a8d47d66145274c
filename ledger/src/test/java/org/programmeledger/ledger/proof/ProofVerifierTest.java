package org.programmeledger.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proof files made from a log of event rows, checked with only the file and the public key. */
class ProofVerifierTest {

    private static final String ORIGIN = "programme-ledger";

    private final KeyPair keys = CheckpointKeys.generate();
    private final ProofVerifier verifier = new ProofVerifier(List.of(keys.getPublic()));
    private final List<byte[]> leafData = new ArrayList<>();
    private final MerkleTree tree;

    ProofVerifierTest() {
        for (int position = 1; position <= 23; position++) {
            leafData.add(row(position, "FigureRecorded", "{\"figureId\":\"F-" + position + "\",\"value\":" + position
                    * 1000 + ",\"note\":\"année\"}"));
        }
        tree = new MerkleTree(LeafHashes.of(leafData.stream().map(MerkleHash::leaf).toList()));
    }

    @Test
    void anInclusionProofVerifiesAndShowsTheEventItProves() {
        ProofFile proof = inclusion(23, 4, 17);
        ProofVerifier.Report report = verifier.verify(proof.json());
        assertThat(report.verified()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.lines()).anyMatch(line -> line.startsWith("leaf 4 (FigureRecorded of figure F-5 at position 5,"))
                .last().asString().startsWith("VERIFIED: 2 event(s)");
        assertThat(proof.events().get(1).event().path("payload").path("value").asLong()).isEqualTo(18000);
    }

    @Test
    void anInclusionProofOfTheLeafHashAloneVerifies() {
        ProofFile.ProvenEvent full = inclusion(23, 9).events().get(0);
        ProofFile hashOnly = ProofFile.inclusion(null, signed(23), List.of(
                new ProofFile.ProvenEvent(full.leafIndex(), null, null, full.leafHash(), full.proof())));
        assertThat(verifier.verify(hashOnly.json()).verified()).isTrue();
    }

    @Test
    void aChangedEventLeafOrPathDoesNotVerify() {
        String proof = inclusion(23, 4).json();
        String data = inclusion(23, 4).events().get(0).leafData();
        byte[] forged = Base64.getDecoder().decode(data);
        forged[forged.length - 20] ^= 1;
        ProofFile.ProvenEvent event = inclusion(23, 4).events().get(0);
        String firstHash = event.proof().get(0);

        Stream.of(
                proof.replace(data, Base64.getEncoder().encodeToString(forged)),
                proof.replace("\"value\" : 5000", "\"value\" : 5001"),
                proof.replace(firstHash, inclusion(23, 6).events().get(0).leafHash()),
                proof.replace("\"leafIndex\" : 4", "\"leafIndex\" : 5"),
                proof.replace(event.leafHash(), inclusion(23, 5).events().get(0).leafHash()),
                proof.replace("\"proof\" : [", "\"proof\" : [ \"" + firstHash + "\","),
                proof.replace(firstHash, "AAAA"),
                proof.replace("{", "["))
                .forEach(tampered -> {
                    assertThat(tampered).isNotEqualTo(proof);
                    assertThat(verifier.verify(tampered).verified()).as(tampered).isFalse();
                });
    }

    @Test
    void aChangedCheckpointOrAnotherKeyDoesNotVerify() {
        ProofFile proof = inclusion(23, 4);
        String line = proof.checkpoint();
        String otherRoot = Base64.getEncoder().encodeToString(tree.root(22));
        Stream.of(line.replace(ORIGIN + " 23 ", ORIGIN + " 24 "),
                line.replace(line.split(" ")[2], otherRoot),
                line.replace("2026-11-30", "2026-11-29"))
                .forEach(tampered -> assertThat(verifier.verify(proof.json().replace(line, tampered)).verified())
                        .as(tampered).isFalse());
        String resigned = SignedCheckpoint.sign(SignedCheckpoint.parseLine(line).checkpoint(),
                CheckpointKeys.generate()).line();
        assertThat(verifier.verify(proof.json().replace(line, resigned)).verified()).isFalse();
        assertThat(new ProofVerifier(List.of(CheckpointKeys.generate().getPublic())).verify(proof).verified())
                .isFalse();
    }

    @Test
    void aConsistencyProofVerifiesFromEveryOlderCheckpoint() {
        for (int first = 1; first <= 23; first++) {
            ProofFile proof = ProofFile.consistency(signed(first), signed(23), tree.consistencyProof(first, 23));
            ProofVerifier.Report report = verifier.verify(proof.json());
            assertThat(report.verified()).as(first + ": " + report.lines()).isTrue();
        }
    }

    @Test
    void aConsistencyProofFromAForkedOrTamperedCheckpointDoesNotVerify() {
        List<byte[]> proof = tree.consistencyProof(10, 23);
        byte[] forkedRoot = MerkleHash.leaf("another history".getBytes(StandardCharsets.UTF_8));
        SignedCheckpoint forked = SignedCheckpoint.sign(
                new Checkpoint(ORIGIN, 10, forkedRoot, Instant.parse("2026-11-30T04:00:00Z")), keys);
        assertThat(verifier.verify(ProofFile.consistency(forked, signed(23), proof).json()).verified()).isFalse();
        assertThat(verifier.verify(ProofFile.consistency(signed(10), signed(22), proof).json()).verified()).isFalse();
        List<byte[]> flipped = new ArrayList<>(proof);
        flipped.set(1, MerkleHash.leaf(new byte[0]));
        assertThat(verifier.verify(ProofFile.consistency(signed(10), signed(23), flipped).json()).verified()).isFalse();
        SignedCheckpoint otherLog = SignedCheckpoint.sign(new Checkpoint("other-ledger", 10, tree.root(10),
                Instant.parse("2026-11-30T04:00:00Z")), keys);
        assertThat(verifier.verify(ProofFile.consistency(otherLog, signed(23), proof).json()).verified()).isFalse();
    }

    @Test
    void theMainNeedsOnlyTheFileAndTheKeyAndAnswersWithItsExitCode(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("proof.json");
        inclusion(23, 0, 22).write(file);
        Path key = folder.resolve("ledger.pub");
        Files.writeString(key, CheckpointKeys.publicKeyText(keys.getPublic()) + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(ProofVerifier.run(new String[] {file.toString(), "--public-key", key.toString()},
                new PrintStream(out), new PrintStream(err))).isEqualTo(0);
        assertThat(out.toString()).contains("VERIFIED: 2 event(s)");
        assertThat(ProofVerifier.run(new String[] {file.toString(), "--public-key",
                CheckpointKeys.publicKeyText(CheckpointKeys.generate().getPublic())}, new PrintStream(out),
                new PrintStream(err))).isEqualTo(1);
        Files.writeString(file, Files.readString(file).replace("\"leafIndex\" : 22", "\"leafIndex\" : 21"));
        assertThat(ProofVerifier.run(new String[] {file.toString(), "--public-key", key.toString()},
                new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(ProofVerifier.run(new String[] {file.toString()}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
        assertThat(ProofVerifier.run(new String[] {folder.resolve("missing.json").toString(), "--public-key",
                key.toString()}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }

    @Test
    void decodesLeafDataBackIntoTheRowAndRefusesMalformedData() {
        var row = LeafData.decode(leafData.get(2));
        assertThat(row.path("position").asLong()).isEqualTo(3);
        assertThat(row.path("payloadRevision").isNull()).isTrue();
        assertThat(row.path("payload").path("note").asText()).isEqualTo("année");
        assertThat(row.path("metaData").path("user").asText()).isEqualTo("secretariat");
        String text = new String(leafData.get(2), StandardCharsets.UTF_8);
        for (String malformed : List.of(text + "x", text.substring(0, text.length() - 1), text.replace("\n", " "),
                text.replaceFirst("^1:", "2:"))) {
            assertThatThrownBy(
                    () -> LeafData.decode(malformed.getBytes(StandardCharsets.UTF_8)))
                    .as(malformed).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private ProofFile inclusion(int treeSize, int... indexes) {
        List<ProofFile.ProvenEvent> events = new ArrayList<>();
        for (int index : indexes) {
            events.add(ProofFile.ProvenEvent.of(index, leafData.get(index), tree.inclusionProof(index, treeSize)));
        }
        return ProofFile.inclusion("figures F-x", signed(treeSize), events);
    }

    private SignedCheckpoint signed(int treeSize) {
        return SignedCheckpoint.sign(new Checkpoint(ORIGIN, treeSize, tree.root(treeSize),
                Instant.parse("2026-11-30T04:00:00Z").plusSeconds(treeSize)), keys);
    }

    /** An event row's canonical bytes as the store seals them (SealedEvent.leafData()). */
    static byte[] row(long position, String event, String payload) {
        StringBuilder text = new StringBuilder();
        for (Object field : new Object[] {position, "event-" + position, "F-" + position, 0L, "Figure",
                "2026-11-30T03:00:00Z", "org.programmeledger.ledger.api." + event, null, payload,
                "{\"user\":\"secretariat\",\"role\":\"SECRETARIAT\"}"}) {
            String value = field == null ? null : field.toString();
            text.append(value == null ? "-1:" : value.length() + ":" + value).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
