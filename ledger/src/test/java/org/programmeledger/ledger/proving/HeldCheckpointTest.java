package org.programmeledger.ledger.proving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.proof.Checkpoint;
import org.programmeledger.ledger.proof.CheckpointKeys;
import org.programmeledger.ledger.proof.HeldCheckpoint;
import org.programmeledger.ledger.proof.MerkleHash;
import org.programmeledger.ledger.proof.ProofFile;
import org.programmeledger.ledger.proof.SignedCheckpoint;

class HeldCheckpointTest {

    private final KeyPair keys = CheckpointKeys.generate();
    private final SignedCheckpoint older = signed(10);
    private final SignedCheckpoint newer = signed(20);

    @Test
    void readsACheckpointLineAProofFileOrTheLastLineOfAWitnessFile() {
        assertThat(HeldCheckpoint.read(older.line() + "\n")).isEqualTo(older);
        assertThat(HeldCheckpoint.read(ProofFile.inclusion("x", older, List.of()).json())).isEqualTo(older);
        assertThat(HeldCheckpoint.read(ProofFile.consistency(older, newer, List.of()).json())).isEqualTo(newer);
        String witness = "{\"checkpoint\":\"" + older.line() + "\",\"position\":10}\n"
                + "{\"checkpoint\":\"" + newer.line() + "\",\"position\":20}\n\n";
        assertThat(HeldCheckpoint.read(witness)).isEqualTo(newer);
    }

    @Test
    void refusesTextWithoutACheckpoint() {
        for (String text : List.of("", "  \n", "{\"size\": 3}", "not a checkpoint", older.line().replace(" 10 ", " x "))) {
            assertThatThrownBy(() -> HeldCheckpoint.read(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private SignedCheckpoint signed(long size) {
        return SignedCheckpoint.sign(new Checkpoint("programme-ledger", size, MerkleHash.leaf(new byte[] {(byte) size}),
                Instant.parse("2026-11-30T04:00:00Z").plusSeconds(size)), keys);
    }
}
