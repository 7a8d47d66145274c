package org.programmeledger.analytics.views;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.ResultMessage;
import org.programmeledger.ledger.facade.LedgerEventReads;

/**
 * Feeds the stored events to the views' projection as their tracking processor does, but a large batch at a
 * time: each batch is one unit of work in one transaction, whose view writes go as JDBC batches
 * ({@link StatementWrites}; into emptied views, as one set operation per view: {@link PageRows}), and which moves
 * the processor's token with them (the feed holds the processor's claim). The handlers are the processor's own
 * ({@link ProjectionCalls}: its projection's methods, called directly), so every table the projection fills is
 * rebuilt alike.
 */
final class ViewFeed {

    /** Axon's default: gaps further than this below the newest position are not tracked. */
    private static final int MAX_GAP_OFFSET = 10_000;
    /**
     * Axon's default lowest global sequence: the first position a store hands out. Nothing below it is a gap; a
     * token with one would differ from the tokens Axon's event store computes for the same events.
     */
    private static final long LOWEST_POSITION = 1;
    /**
     * Events read from the store at a time by a page's read: a page read whole held every event's serialized form
     * (Axon's message keeps it beside the decoded payload) until the page was decoded, 12 MiB at 5 000 events.
     */
    private static final int READ_CHUNK = 500;

    private final LedgerEventReads events;
    private final LedgerViewsProjection projection;
    private final ProjectionCalls calls;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ViewsSettings settings;
    private final Duration gapTimeout;

    ViewFeed(LedgerEventReads events, EventHandlerInvoker invoker, LedgerViewsProjection projection,
             TokenStore tokens, TransactionManager transactions, ViewsSettings settings, Duration gapTimeout) {
        this.events = events;
        this.projection = projection;
        this.calls = ProjectionCalls.of(invoker, projection);
        this.tokens = tokens;
        this.transactions = transactions;
        this.settings = settings;
        this.gapTimeout = gapTimeout;
    }

    /**
     * Feeds every event after {@code start} (the processor's token; null for the first event) until none is
     * left, telling {@code progress} (position reached, target) after each batch; returns the position reached.
     * After a rebuild stopped before its first page (its mark pending, the token at the start) the views are
     * emptied and rebuilt.
     */
    long from(TrackingToken start, long target, BiConsumer<Long, Long> progress, long deadline)
            throws InterruptedException {
        if (projection.rebuildPending()) {
            return intoEmptiedViews(target, progress, deadline);
        }
        return feed(start, target, progress, deadline, false);
    }

    /**
     * Moves the token back to the start and marks the rebuild, committed (whoever goes on from there empties the
     * views first), then empties the views and feeds every event into them, each batch's rows held and inserted
     * together; returns the position reached.
     */
    long rebuild(long target, BiConsumer<Long, Long> progress, long deadline) throws InterruptedException {
        transactions.executeInTransaction(() -> {
            tokens.storeToken(null, LedgerViews.PROCESSING_GROUP, 0);
            projection.markRebuild();
        });
        return intoEmptiedViews(target, progress, deadline);
    }

    private long intoEmptiedViews(long target, BiConsumer<Long, Long> progress, long deadline)
            throws InterruptedException {
        projection.emptyViews();
        return feed(null, target, progress, deadline, true);
    }

    private long feed(TrackingToken start, long target, BiConsumer<Long, Long> progress, long deadline,
                      boolean intoEmptiedViews) throws InterruptedException {
        TrackingToken token = WrappedToken.unwrapLowerBound(start);
        long position = token == null ? -1 : token.position().orElse(-1);
        SortedSet<Long> gaps = new TreeSet<>();
        if (token instanceof GapAwareTrackingToken gapAware && gapAware.hasGaps()) {
            gaps.addAll(gapAware.getGaps());
            List<TrackedEventMessage<?>> filled = transactions.fetchInTransaction(() -> events.at(gaps));
            filled.forEach(event -> gaps.remove(event.trackingToken().position().orElseThrow()));
            if (!filled.isEmpty()) {
                handle(filled, GapAwareTrackingToken.newInstance(position, gaps), intoEmptiedViews, false);
            }
        }
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-views-replay-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<TrackedEventMessage<?>>> next = read(reader, position);
            boolean firstPage = true;
            while (true) {
                List<TrackedEventMessage<?>> batch = pageOf(next);
                if (batch.isEmpty()) {
                    return position;
                }
                // The next page is read and decoded while this one is written.
                next = read(reader, batch.get(batch.size() - 1).trackingToken().position().orElseThrow());
                position = trackGaps(batch, position, gaps);
                handle(batch, GapAwareTrackingToken.newInstance(position, gaps), intoEmptiedViews,
                        intoEmptiedViews && firstPage);
                firstPage = false;
                progress.accept(position, Math.max(position, target));
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replay reached position " + position + " of " + target
                            + " before its deadline");
                }
                if (!settings.replayPause().isZero()) {
                    Thread.sleep(settings.replayPause().toMillis());
                }
            }
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * Reads the page after {@code after} in a transaction of its own, on the reader's thread, and decodes its
     * payloads and timestamps there (Axon decodes them when first asked), keeping of each event what the
     * handlers take. It reads {@link #READ_CHUNK} events at a time, so that the serialized form of no more than
     * those is held at once.
     */
    private Future<List<TrackedEventMessage<?>>> read(ExecutorService reader, long after) {
        int size = settings.replayBatchSize();
        return reader.submit(() -> transactions.fetchInTransaction(() -> {
            List<TrackedEventMessage<?>> page = new ArrayList<>(size);
            long from = after;
            while (page.size() < size) {
                List<TrackedEventMessage<?>> read = calls.read(events, from, Math.min(READ_CHUNK, size - page.size()));
                if (read.isEmpty()) {
                    break;
                }
                page.addAll(read);
                from = read.get(read.size() - 1).trackingToken().position().orElseThrow();
            }
            return page;
        }));
    }

    private static List<TrackedEventMessage<?>> pageOf(Future<List<TrackedEventMessage<?>>> read)
            throws InterruptedException {
        try {
            return read.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("the replay could not read the events", failed.getCause());
        }
    }

    /**
     * Numbers skipped between events are gaps if the event after them is recent: a transaction that took a
     * lower number may still commit, and the processor will look for it (as Axon's event store does, which
     * forgets gaps older than its gap timeout). Returns the batch's last position.
     */
    private long trackGaps(List<TrackedEventMessage<?>> batch, long position, SortedSet<Long> gaps) {
        Instant recent = Instant.now().minus(gapTimeout);
        long previous = position;
        for (TrackedEventMessage<?> event : batch) {
            long index = event.trackingToken().position().orElseThrow();
            if (index > previous + 1 && event.getTimestamp().isAfter(recent)) {
                LongStream.range(Math.max(Math.max(previous + 1, LOWEST_POSITION), index - MAX_GAP_OFFSET), index).forEach(gaps::add);
            }
            previous = index;
        }
        gaps.headSet(previous - MAX_GAP_OFFSET).clear();
        return previous;
    }

    /** Handles {@code batch} in one transaction that moves the token; {@code endsMark}: a rebuild's first page. */
    private void handle(List<TrackedEventMessage<?>> batch, TrackingToken token, boolean intoEmptiedViews,
                        boolean endsMark) {
        ResultMessage<?> result = calls.handlePage(batch, unit -> {
            unit.attachTransaction(transactions);
            if (intoEmptiedViews) {
                projection.rebuildInto(unit);
            }
            if (endsMark) {
                unit.onPrepareCommit(committing -> projection.endRebuildMark());
            }
            unit.onPrepareCommit(committing -> tokens.storeToken(token, LedgerViews.PROCESSING_GROUP, 0));
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("the views could not handle the events up to position "
                    + token.position().orElse(0), result.exceptionResult());
        }
    }
}
