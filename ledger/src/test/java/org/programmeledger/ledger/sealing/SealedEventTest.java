package org.programmeledger.ledger.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The canonical bytes a seal covers: every stored leaf hash depends on them staying exactly these. */
class SealedEventTest {

    @Test
    void leafDataIsEachColumnAsItsLengthAndTextOnALine() {
        SealedEvent event = new SealedEvent(12_345_678_901L, "e-1", "p-1", 7, "PlanPeriod", "2026-12-01T00:00:00Z",
                "org.example.ItemRegistered", null, "{\"title\":\"Zhuhai 珠海\"}", "{\"line\":2}");

        String expected = "11:12345678901\n3:e-1\n3:p-1\n1:7\n10:PlanPeriod\n20:2026-12-01T00:00:00Z\n"
                + "26:org.example.ItemRegistered\n-1:\n21:{\"title\":\"Zhuhai 珠海\"}\n10:{\"line\":2}\n";
        assertThat(new String(event.leafData(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(event.leafHash()).isEqualTo(SealedEvent.leafHash(expected.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Hashing.hex(org.programmeledger.ledger.proof.MerkleHash.leaf(
                        expected.getBytes(StandardCharsets.UTF_8))));
    }
}
