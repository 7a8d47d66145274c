package org.programmeledger.dashboards.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettlingTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private final Settling settling = new Settling(Duration.ofSeconds(30));

    @Test
    void buildsOnceTheLedgerHasStayedAtANewPositionForTheSettleTime() {
        assertThat(settling.due(136, T0)).isFalse();
        assertThat(settling.due(136, T0.plusSeconds(29))).isFalse();
        assertThat(settling.due(136, T0.plusSeconds(30))).isTrue();
    }

    @Test
    void waitsAgainWhileAnImportIsStillRecording() {
        settling.due(136, T0);
        assertThat(settling.due(500, T0.plusSeconds(20))).isFalse();
        assertThat(settling.due(900, T0.plusSeconds(40))).as("moved again: the wait starts over").isFalse();
        assertThat(settling.due(900, T0.plusSeconds(69))).isFalse();
        assertThat(settling.due(900, T0.plusSeconds(70))).isTrue();
    }

    @Test
    void buildsNothingMoreUntilTheLedgerMovesOnFromWhatWasBuilt() {
        settling.due(136, T0);
        settling.built(136);
        assertThat(settling.due(136, T0.plusSeconds(3600))).isFalse();
        assertThat(settling.due(137, T0.plusSeconds(3600))).isFalse();
        assertThat(settling.due(137, T0.plusSeconds(3630))).isTrue();
    }
}
