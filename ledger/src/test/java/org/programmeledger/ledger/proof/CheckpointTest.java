package org.programmeledger.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final byte[] ROOT = MerkleHash.leaf(new byte[] {42});
    private static final Checkpoint CHECKPOINT =
            new Checkpoint("programme-ledger", 119, ROOT, Instant.parse("2026-11-30T04:30:00.123Z"));

    private final KeyPair keys = CheckpointKeys.generate();

    @Test
    void writesItsBodyAsFourLinesAndReadsItBack() {
        String body = CHECKPOINT.body();
        assertThat(body).isEqualTo("programme-ledger\n119\n" + Base64.getEncoder().encodeToString(ROOT)
                + "\n2026-11-30T04:30:00.123Z\n");
        assertThat(Checkpoint.parse(body)).isEqualTo(CHECKPOINT);
    }

    @Test
    void refusesABodyNotInItsCanonicalForm() {
        String body = CHECKPOINT.body();
        assertThatThrownBy(() -> Checkpoint.parse(body.replace("\n119\n", "\n0119\n")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse(body.strip())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse(body + "extra\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("two words", 1, ROOT, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("log", 1, new byte[31], Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignedCheckpointVerifiesWithItsKeyAndSurvivesItsOneLineForm() {
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, keys);
        assertThat(signed.keyId()).isEqualTo(CheckpointKeys.keyId(keys.getPublic())).hasSize(8);
        assertThat(signed.verifies(keys.getPublic())).isTrue();

        String line = signed.line();
        assertThat(line).doesNotContain("\n").startsWith("programme-ledger 119 ");
        SignedCheckpoint read = SignedCheckpoint.parseLine(line);
        assertThat(read).isEqualTo(signed);
        assertThat(read.verifies(CheckpointKeys.parsePublicKey(CheckpointKeys.publicKeyText(keys.getPublic()))))
                .isTrue();
    }

    @Test
    void aTamperedCheckpointDoesNotVerify() {
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, keys);
        byte[] otherRoot = MerkleHash.leaf(new byte[] {43});
        for (Checkpoint tampered : new Checkpoint[] {
                new Checkpoint("programme-ledger", 120, ROOT, CHECKPOINT.timestamp()),
                new Checkpoint("programme-ledger", 119, otherRoot, CHECKPOINT.timestamp()),
                new Checkpoint("programme-ledger", 119, ROOT, CHECKPOINT.timestamp().plusSeconds(1)),
                new Checkpoint("other-ledger", 119, ROOT, CHECKPOINT.timestamp())}) {
            assertThat(new SignedCheckpoint(tampered, signed.keyId(), signed.signature()).verifies(keys.getPublic()))
                    .as(tampered.toString()).isFalse();
        }
        byte[] signature = signed.signature();
        signature[10] ^= 1;
        assertThat(new SignedCheckpoint(CHECKPOINT, signed.keyId(), signature).verifies(keys.getPublic())).isFalse();
        String line = signed.line().replace(" 119 ", " 118 ");
        assertThat(SignedCheckpoint.parseLine(line).verifies(keys.getPublic())).isFalse();
    }

    @Test
    void aCheckpointSignedWithAnotherKeyDoesNotVerify() {
        KeyPair other = CheckpointKeys.generate();
        SignedCheckpoint signedByOther = SignedCheckpoint.sign(CHECKPOINT, other);
        assertThat(signedByOther.verifies(keys.getPublic())).isFalse();
        SignedCheckpoint relabelled = new SignedCheckpoint(CHECKPOINT, CheckpointKeys.keyId(keys.getPublic()),
                signedByOther.signature());
        assertThat(relabelled.verifies(keys.getPublic())).isFalse();
    }

    @Test
    void keysSurviveTheirTextForms() {
        String publicText = CheckpointKeys.publicKeyText(keys.getPublic());
        String privateText = CheckpointKeys.privateKeyText(keys.getPrivate());
        KeyPair read = new KeyPair(CheckpointKeys.parsePublicKey(publicText), CheckpointKeys.parsePrivateKey(privateText));
        assertThat(SignedCheckpoint.sign(CHECKPOINT, read).verifies(keys.getPublic())).isTrue();
        assertThatThrownBy(() -> CheckpointKeys.parsePublicKey("bm90IGEga2V5"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMalformedLine() {
        String line = SignedCheckpoint.sign(CHECKPOINT, keys).line();
        assertThatThrownBy(() -> SignedCheckpoint.parseLine(line + " more")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedCheckpoint.parseLine(line.replace(" 119 ", " x ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedCheckpoint.parseLine(line.replace(" 119 ", "  119 ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
