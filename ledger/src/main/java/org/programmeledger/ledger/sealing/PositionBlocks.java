package org.programmeledger.ledger.sealing;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Positions drawn ahead from the event table's sequence, a block at a time, so that an append knows its events'
 * positions before it inserts them and can send each event with its authenticator in one statement
 * (docs/sealing.md, "Positions drawn ahead"). A block is used for at most {@code lifetimeMillis}, far below the
 * gap timeouts of the sequencer and the views: what is left of it then is dropped, a gap like a rolled-back
 * transaction's. Its size follows the rate of appends: it doubles when a block runs out within its lifetime and
 * halves when one expires unused or goes stale, so an idle node wastes few positions and a busy one draws rarely.
 *
 * <p>Why positions drawn for the append itself need no check: an append takes its positions after its command
 * read the store, and the sequence only rises, so they lie above every event the command could have read. A
 * position left in a block was drawn earlier; it is safe while no event above the block's end has committed,
 * because every position up to that end is this node's own (the block is contiguous, or it is not reused).
 */
final class PositionBlocks {

    /** What an append's insert need not check: positions drawn for it, above everything it could have read. */
    static final long UNCHECKED = Long.MAX_VALUE;

    /** Draws {@code count} new positions. */
    interface Draw {
        long[] positions(int count);
    }

    /**
     * Positions for one append, ascending; the position above which no event may have committed when they are
     * inserted ({@link #UNCHECKED} when they were drawn for this append); and which draw they came from.
     */
    record Taken(long[] positions, long noEventAbove, long draw) {

        boolean checked() {
            return noEventAbove != UNCHECKED;
        }
    }

    private final int largest;
    private final long lifetimeNanos;
    private final LongSupplier nanoClock;

    private long[] block = new long[0];
    private int taken;
    private long drawnAt;
    private long draws;
    private int size = 1;

    PositionBlocks(int largest, long lifetimeMillis, LongSupplier nanoClock) {
        if (largest < 1 || lifetimeMillis < 1) {
            throw new IllegalArgumentException("a block of positions needs a positive size and lifetime");
        }
        this.largest = largest;
        this.lifetimeNanos = lifetimeMillis * 1_000_000;
        this.nanoClock = nanoClock;
    }

    /**
     * The next {@code count} positions, from the block if it still holds them, else from a new draw; or, when the
     * block holds fewer, what is left of it, fewer than {@code count}: the caller takes the rest with a second call.
     * Dropped instead, the end of nearly every block was a gap (1-3 of 64 positions under a stream of groups of
     * commands), which the sequencer and the views' tokens then asked for until their gap timeouts (round 15).
     */
    synchronized Taken take(int count, Draw draw) {
        long now = nanoClock.getAsLong();
        boolean expired = now - drawnAt >= lifetimeNanos;
        if (count >= largest) {
            block = new long[0];
            taken = 0;
            return new Taken(sorted(draw.positions(count)), UNCHECKED, ++draws);
        }
        int left = block.length - taken;
        if (!expired && left > 0) {
            return takeFromBlock(Math.min(count, left), block[block.length - 1]);
        }
        boolean ranOut = !expired && block.length > 0;
        return drawBlock(count, draw, now, ranOut ? Math.min(largest, size * 2)
                : left > 0 ? Math.max(1, size / 2) : size);
    }

    /**
     * Positions for an append whose insert found an event above the block it took {@code stale} from: that
     * block is dropped, and the positions come from a draw made after it, which the insert need not check.
     */
    synchronized Taken takeAfterStale(int count, Draw draw, Taken stale) {
        long now = nanoClock.getAsLong();
        if (draws == stale.draw() || block.length - taken < count || now - drawnAt >= lifetimeNanos) {
            return drawBlock(count, draw, now, Math.max(1, size / 2));
        }
        // A draw after the stale block's was made after this append took its positions, so after its command read.
        return new Taken(takeFromBlock(count, UNCHECKED).positions(), UNCHECKED, draws);
    }

    private Taken drawBlock(int count, Draw draw, long now, int newSize) {
        size = newSize;
        block = sorted(draw.positions(Math.max(size, count)));
        taken = 0;
        drawnAt = now;
        draws++;
        Taken own = takeFromBlock(count, UNCHECKED);
        if (block[block.length - 1] - block[0] != block.length - 1) {
            // Another draw ran at the same time and took positions inside this block: what is left is not reused,
            // and the next block is no larger than this one.
            taken = block.length;
            size = Math.max(1, size / 2);
        }
        return own;
    }

    private Taken takeFromBlock(int count, long noEventAbove) {
        long[] positions = Arrays.copyOfRange(block, taken, taken + count);
        taken += count;
        return new Taken(positions, noEventAbove, draws);
    }

    private static long[] sorted(long[] positions) {
        long[] copy = positions.clone();
        Arrays.sort(copy);
        return copy;
    }
}
