package org.programmeledger.ledger.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Positions drawn ahead: ascending, never twice, in blocks that follow the rate, expire and go stale. */
class PositionBlocksTest {

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final List<Integer> draws = new ArrayList<>();
    private final PositionBlocks blocks = new PositionBlocks(8, 1000, nanos::get);

    private long[] drawn(int count) {
        draws.add(count);
        return LongStream.range(0, count).map(i -> sequence.incrementAndGet()).toArray();
    }

    private PositionBlocks.Taken taken(int count) {
        return blocks.take(count, this::drawn);
    }

    private long[] take(int count) {
        return taken(count).positions();
    }

    @Test
    void underAStreamOfAppendsTheBlockDoublesUpToItsLargestSoThatFewAppendsDraw() {
        List<Long> handed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            handed.add(take(1)[0]);
            nanos.addAndGet(1_000_000);
        }
        assertThat(handed).isEqualTo(LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(draws).containsExactly(1, 2, 4, 8, 8, 8, 8, 8);
    }

    @Test
    void anExpiredBlockIsDroppedAndTheNextIsHalfAsLarge() {
        take(1);
        take(1);
        take(1);
        take(1);
        assertThat(take(1)).containsExactly(5);
        nanos.addAndGet(1_000_000_000L);
        assertThat(take(1)).containsExactly(8);
        assertThat(draws).containsExactly(1, 2, 4, 2);
    }

    @Test
    void anAppendOfABlockOrMoreDrawsItsOwnAndNoLaterAppendTakesAPositionBelowIt() {
        take(1);
        take(1);
        assertThat(take(10)).containsExactly(LongStream.rangeClosed(4, 13).toArray());
        assertThat(take(1)).containsExactly(14);
    }

    /** What is left of a block goes to the next append, the rest of it from a new draw: no position dropped. */
    @Test
    void whatIsLeftOfABlockGoesFirstAndTheRestOfTheAppendComesFromTheNextDraw() {
        take(1);
        take(1);
        take(1);
        assertThat(take(2)).containsExactly(4, 5);
        PositionBlocks.Taken leftOver = taken(3);
        assertThat(leftOver.positions()).containsExactly(6, 7);
        assertThat(leftOver.noEventAbove()).isEqualTo(7);
        PositionBlocks.Taken rest = taken(1);
        assertThat(rest.positions()).containsExactly(8);
        assertThat(rest.checked()).isFalse();
        assertThat(draws).containsExactly(1, 2, 4, 8);
    }

    /** Drawn after the append's command read the store, they lie above all it read; left in a block, they do not. */
    @Test
    void positionsDrawnForTheAppendAreUncheckedAndThoseLeftInABlockAreCheckedAgainstItsEnd() {
        assertThat(taken(1).checked()).isFalse();
        PositionBlocks.Taken drawnForIt = taken(1);
        assertThat(drawnForIt.positions()).containsExactly(2);
        assertThat(drawnForIt.checked()).isFalse();
        PositionBlocks.Taken leftInTheBlock = taken(1);
        assertThat(leftInTheBlock.positions()).containsExactly(3);
        assertThat(leftInTheBlock.noEventAbove()).isEqualTo(3);
        assertThat(taken(10).checked()).isFalse();
    }

    @Test
    void afterAStaleBlockTheAppendGoesAgainAtPositionsDrawnAfterItAndNoLaterAppendUsesTheStaleBlock() {
        take(1);
        take(1);
        take(1);
        take(1);
        PositionBlocks.Taken fromTheBlock = taken(1);
        assertThat(fromTheBlock.positions()).containsExactly(5);
        assertThat(fromTheBlock.noEventAbove()).isEqualTo(7);
        sequence.addAndGet(100);

        PositionBlocks.Taken again = blocks.takeAfterStale(1, this::drawn, fromTheBlock);

        assertThat(again.positions()).containsExactly(108);
        assertThat(again.checked()).isFalse();
        assertThat(draws).containsExactly(1, 2, 4, 2);
        assertThat(take(1)).containsExactly(109);
    }

    @Test
    void afterAStaleBlockAnAppendTakesFromABlockAnotherAppendDrewSinceWithoutCheck() {
        take(1);
        take(1);
        PositionBlocks.Taken stale = taken(1);
        assertThat(stale.positions()).containsExactly(3);
        assertThat(stale.checked()).isTrue();
        assertThat(take(1)).containsExactly(4);
        assertThat(take(1)).containsExactly(5);

        PositionBlocks.Taken again = blocks.takeAfterStale(1, this::drawn, stale);

        assertThat(again.positions()).containsExactly(6);
        assertThat(again.checked()).isFalse();
        assertThat(draws).containsExactly(1, 2, 4);
    }

    /** Another node's draw took positions inside the block: what is left of it would not be this node's alone. */
    @Test
    void aBlockThatAnotherDrawInterleavedIsNotReused() {
        take(1);
        PositionBlocks.Taken interleaved = blocks.take(1, count -> {
            draws.add(count);
            return new long[] {10, 12};
        });
        assertThat(interleaved.positions()).containsExactly(10);
        assertThat(interleaved.checked()).isFalse();
        sequence.set(12);

        assertThat(take(1)).containsExactly(13);
        assertThat(draws).containsExactly(1, 2, 2);
    }
}
