package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.proof.Checkpoint;
import org.programmeledger.ledger.proof.CheckpointKeys;
import org.programmeledger.ledger.proof.LeafHashes;
import org.programmeledger.ledger.proof.MerkleHash;
import org.programmeledger.ledger.proof.MerkleTree;
import org.programmeledger.ledger.proof.ProofFile;
import org.programmeledger.ledger.proof.SignedCheckpoint;

/** verify-proof and prove on the real command line: what they refuse before touching a store, and their exit codes. */
class ProofCommandsTest {

    @TempDir
    Path temp;

    @Test
    void answersZeroForAProofThatHoldsOneForOneThatDoesNotAndTwoForWhatItCannotRead() throws Exception {
        KeyPair keys = CheckpointKeys.generate();
        List<byte[]> leaves = List.of(MerkleHash.leaf(new byte[] {1}), MerkleHash.leaf(new byte[] {2}),
                MerkleHash.leaf(new byte[] {3}));
        MerkleTree tree = new MerkleTree(LeafHashes.of(leaves));
        Instant at = Instant.parse("2026-11-30T05:00:00Z");
        Path proof = temp.resolve("proof.json");
        ProofFile.consistency(SignedCheckpoint.sign(new Checkpoint("programme-ledger", 2, tree.root(2), at), keys),
                SignedCheckpoint.sign(new Checkpoint("programme-ledger", 3, tree.root(3), at), keys),
                tree.consistencyProof(2, 3)).write(proof);
        String key = CheckpointKeys.publicKeyText(keys.getPublic());

        Cli verified = Cli.run("verify-proof", proof.toString(), "--public-key", key);
        Cli otherKey = Cli.run("verify-proof", proof.toString(), "--public-key",
                CheckpointKeys.publicKeyText(CheckpointKeys.generate().getPublic()));
        Cli missing = Cli.run("verify-proof", temp.resolve("missing.json").toString(), "--public-key", key);
        Cli badKey = Cli.run("verify-proof", proof.toString(), "--public-key", "bm90IGEga2V5");
        Files.writeString(proof, "{\"format\": \"something else\"}");
        Cli notAProof = Cli.run("verify-proof", proof.toString(), "--public-key", key);
        Files.writeString(proof, "{\"x\": 1}");
        Cli noProofAtAll = Cli.run("verify-proof", proof.toString(), "--public-key", key);

        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("VERIFIED: the ledger of 3 leaves extends the one of 2 leaves");
        assertThat(otherKey.exitCode()).isEqualTo(1);
        assertThat(otherKey.output()).contains("the signature does not verify with the public key(s) given");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("ledger verify-proof: cannot read ");
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.output().strip()).isEqualTo("ledger verify-proof: 'bm90IGEga2V5' is neither a file nor "
                + "an Ed25519 public key (base64 of X.509)");
        assertThat(notAProof.exitCode()).isEqualTo(2);
        assertThat(notAProof.output().strip()).startsWith("ledger verify-proof: " + proof + ": not a proof file")
                .doesNotContain("\n");
        assertThat(noProofAtAll.exitCode()).isEqualTo(2);
        assertThat(noProofAtAll.output().strip()).isEqualTo("ledger verify-proof: " + proof
                + ": not a proof file: Unrecognized field \"x\"");
    }

    @Test
    void verifyRefusesAFileThatIsNoDigestInOneLineBeforeOpeningAnyStore() throws Exception {
        Path notADigest = Files.writeString(temp.resolve("digest.json"), "{\"x\": 1}");
        Path empty = Files.writeString(temp.resolve("empty.json"), "{}");

        Cli unknownField = Cli.run("verify", "--store", temp.resolve("store").toString(), "--digest",
                notADigest.toString());
        Cli noHash = Cli.run("verify", "--store", temp.resolve("store").toString(), "--digest", empty.toString());

        assertThat(unknownField.exitCode()).as(unknownField.output()).isEqualTo(2);
        assertThat(unknownField.output().strip()).isEqualTo("ledger verify: " + notADigest
                + " is not a digest written by 'digest --to': Unrecognized field \"x\"");
        assertThat(noHash.exitCode()).as(noHash.output()).isEqualTo(2);
        assertThat(noHash.output().strip()).isEqualTo("ledger verify: " + empty
                + " is not a digest written by 'digest --to': it names no position and hash");
        assertThat(temp.resolve("store")).doesNotExist();
    }

    @Test
    void proveRefusesACheckpointFileWithoutACheckpointBeforeOpeningAnyStore() throws Exception {
        Path notACheckpoint = Files.writeString(temp.resolve("notes.txt"), "nothing signed here\n");

        Cli missing = Cli.run("prove", "--from", temp.resolve("missing.txt").toString(), "--store",
                temp.resolve("store").toString());
        Cli unreadable = Cli.run("prove", "--from", notACheckpoint.toString(), "--store",
                temp.resolve("store").toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("ledger prove: no signed checkpoint in ", "missing.txt: no such file");
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.output()).contains("notes.txt: a signed checkpoint is 6 fields");
        assertThat(temp.resolve("store")).doesNotExist();
    }
}
