package org.programmeledger.ledger.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a commit's sealing pass starts: soon after a quiet spell, no sooner than the spacing under a stream. */
class SequencerSpacingTest {

    private static SealingSettings settings(long intervalMillis, long spacingMillis) {
        return new SealingSettings("", "", intervalMillis, spacingMillis, 5000, 10000, "programme-ledger", 64, 1000,
                false);
    }

    @Test
    void aCommitLongAfterThePreviousPassIsSealedAfterTheShortDelayThatLetsCommitsShareAPass() {
        assertThat(Sequencer.afterCommitDelayMillis(settings(200, 100), 5_000)).isEqualTo(20);
    }

    @Test
    void aCommitRightAfterAPassWaitsOutTheRestOfTheSpacing() {
        assertThat(Sequencer.afterCommitDelayMillis(settings(200, 100), 30)).isEqualTo(70);
        assertThat(Sequencer.afterCommitDelayMillis(settings(200, 100), 0)).isEqualTo(100);
    }

    @Test
    void theSpacingNeverDelaysACommitBeyondThePeriodicPass() {
        assertThat(Sequencer.afterCommitDelayMillis(settings(50, 100), 0)).isEqualTo(50);
    }
}
