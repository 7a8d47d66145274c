package org.programmeledger.analytics.views;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.axonframework.common.ProcessRetriesExhaustedException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.programmeledger.analytics.reads.ReplayReport;
import org.programmeledger.ledger.hashing.Sha256;
import org.programmeledger.ledger.service.StreamedQuery;
import org.programmeledger.ledger.service.FullDisk;
import org.programmeledger.ledger.service.StoreUnavailable;
import org.programmeledger.ledger.facade.LedgerEventReads;
import org.programmeledger.ledger.facade.LedgerPosition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the event store from zero and compares the rebuilt views with the ones before,
 * row by row. The views' processor is stopped meanwhile and its claim held by the replay, which feeds the events
 * to the same projection a large batch per transaction ({@link ViewFeed}) and moves the processor's token with
 * every batch: views and token always agree, so a replay stopped in any way leaves views that a processor or
 * the next replay simply continue from.
 */
@Component
public class ViewReplay {

    private static final int SHOWN_DIFFERENCES = 20;
    private static final Duration CLAIM_RETRY = Duration.ofMillis(250);
    private static final Duration RESTART_WAIT = Duration.ofSeconds(30);
    private static final Duration WAKE_INTERVAL = Duration.ofMillis(10);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final LedgerPosition head;
    private final ViewsHealth health;
    private final TransactionTemplate readOnly;
    private final LedgerEventReads events;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ViewsSettings settings;
    private final Duration gapTimeout;
    private final LedgerViewsProjection projection;

    ViewReplay(EventProcessingConfiguration processing, JdbcTemplate jdbc, LedgerPosition head, ViewsHealth health,
               PlatformTransactionManager transactionManager, LedgerEventReads events, TokenStore tokens,
               TransactionManager transactions, ViewsSettings settings, LedgerViewsProjection projection) {
        this.projection = projection;
        this.processing = processing;
        this.jdbc = jdbc;
        this.head = head;
        this.health = health;
        this.readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        this.events = events;
        this.tokens = tokens;
        this.transactions = transactions;
        this.settings = settings;
        this.gapTimeout = events.gapTimeout();
    }

    /**
     * Replays from zero; {@code progress} hears (position reached, ledger head) while it runs. The views
     * before are kept on disk and compared as digests of their rows, so a ledger of any size fits in memory.
     * {@code timeout} bounds the whole replay, waiting for another node's claim on the views included.
     */
    public ReplayReport replay(Duration timeout, BiConsumer<Long, Long> progress)
            throws InterruptedException, TimeoutException {
        return replay(timeout, progress, progress);
    }

    /**
     * As {@link #replay(Duration, BiConsumer)}, telling the two phases apart: {@code catchingUp} hears the views
     * brought up to the ledger's head from where they stood (their rows are then kept for the comparison),
     * {@code rebuilding} hears them rebuilt from zero. Stopped while catching up, the views are only further on.
     */
    public ReplayReport replay(Duration timeout, BiConsumer<Long, Long> catchingUp, BiConsumer<Long, Long> rebuilding)
            throws InterruptedException, TimeoutException {
        Path before = temporaryFile();
        try {
            long[][] rowsBefore = new long[1][];
            long reached = holdingTheViews(timeout, (feed, token, target, deadline) -> {
                // The views compared against are the ones caught up with the ledger: an earlier replay or a
                // server may have stopped short of it.
                feed.from(token, target, catchingUp, deadline);
                rowsBefore[0] = writeRows(before);
                return rebuild(feed, target, rebuilding, deadline);
            });
            List<String> afterOnly = new ArrayList<>();
            long[] rowsAfter = digests(row -> {
                if (afterOnly.size() < SHOWN_DIFFERENCES && Arrays.binarySearch(rowsBefore[0], digest(row)) < 0) {
                    afterOnly.add("after only:  " + row);
                }
            });
            List<String> differences = new ArrayList<>(beforeOnly(before, rowsAfter));
            differences.addAll(afterOnly);
            return new ReplayReport(reached, rowsAfter.length,
                    List.copyOf(differences.subList(0, Math.min(SHOWN_DIFFERENCES, differences.size()))));
        } finally {
            deleteQuietly(before);
        }
    }

    /** Rebuilds the views from zero without comparing them with the ones before; the position reached. */
    public long rebuild(Duration timeout, BiConsumer<Long, Long> progress)
            throws InterruptedException, TimeoutException {
        return holdingTheViews(timeout, (feed, token, target, deadline) -> rebuild(feed, target, progress, deadline));
    }

    private interface WithTheViews {
        long run(ViewFeed feed, TrackingToken token, long target, long deadline) throws InterruptedException;
    }

    /**
     * Runs {@code work} with the views' processor stopped and its claim held by this replay, then lets the
     * processor go on from wherever the replay left the token.
     */
    private long holdingTheViews(Duration timeout, WithTheViews work) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        TrackingEventProcessor processor = processing
                .eventProcessor(LedgerViews.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no " + LedgerViews.PROCESSING_GROUP + " processor"));
        stop(processor, deadline);
        long reached;
        try {
            TrackingToken token = claim(deadline, timeout);
            reached = work.run(new ViewFeed(events, processor.eventHandlerInvoker(), projection, tokens, transactions,
                    settings, gapTimeout), token, head.position(), deadline);
        } catch (Exception failed) {
            handBack(processor, failed);
            throw failed;
        }
        handBack(processor, null);
        return reached;
    }

    /**
     * Releases the claim and starts the processor again. After a failure of the store (closed by a full disk,
     * unreachable) the processor cannot work, so the replay does not wait for it, and a release that fails too is
     * kept beside the replay's own failure rather than hiding it.
     */
    private void handBack(TrackingEventProcessor processor, Exception failure) throws InterruptedException {
        try {
            transactions.executeInTransaction(() -> tokens.releaseClaim(LedgerViews.PROCESSING_GROUP, 0));
        } catch (RuntimeException releaseFailed) {
            if (failure == null) {
                throw releaseFailed;
            }
            failure.addSuppressed(releaseFailed);
        }
        processor.start();
        if (failure == null || !StoreUnavailable.causes(failure) && FullDisk.in(failure).isEmpty()) {
            awaitWorking(processor);
        }
    }

    /**
     * Waits until the restarted processor's worker runs (it has caught up with the ledger). Axon's launcher hands
     * the claimed segment to its worker only if the processor is still running by then; stopped in between (the
     * next replay, at once), it frees the segment without giving its thread back, and the processor never claims
     * again (Axon 4.13, {@code TrackingEventProcessor.WorkerLauncher.cleanUp}): the views stood still after two
     * replays in a row. A processor that cannot claim (another node holds the views) is left to claim later. The
     * worker says it has caught up only once a wait for new events has ended: woken, it need not wait a second.
     */
    private void awaitWorking(TrackingEventProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            EventTrackerStatus status = processor.processingStatus().get(0);
            if (status != null && status.isCaughtUp()) {
                return;
            }
            events.wakeWaitingProcessors();
            Thread.sleep(WAKE_INTERVAL.toMillis());
        }
    }

    /**
     * Stops the processor on this node. Its worker, waiting for new events, is woken so that it sees the stop at
     * once instead of after its wait (a second). Axon waits about ten seconds for its threads to end, and a loaded
     * machine has taken longer (a worker between two sleeps); the replay waits on, up to its deadline.
     */
    private void stop(TrackingEventProcessor processor, long deadline) throws TimeoutException, InterruptedException {
        while (true) {
            try {
                CompletableFuture<Void> stopped = processor.shutdownAsync();
                while (!stopped.isDone()) {
                    events.wakeWaitingProcessors();
                    try {
                        stopped.get(WAKE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException stillStopping) {
                        // wake it again: it may have been between two waits
                    }
                }
                stopped.join();
                return;
            } catch (ProcessRetriesExhaustedException | CompletionException | ExecutionException slow) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the views' processor did not stop: " + slow.getMessage());
                }
            }
        }
    }

    private long rebuild(ViewFeed feed, long target, BiConsumer<Long, Long> progress, long deadline)
            throws InterruptedException {
        health.replaying(true);
        try {
            return feed.rebuild(target, progress, deadline);
        } finally {
            health.replaying(false);
        }
    }

    /**
     * Claims the views' token for this node and returns it. A node stopped without releasing its claim (killed)
     * keeps it until Axon's claim timeout; this waits that long, not longer than the replay's deadline.
     */
    private TrackingToken claim(long deadline, Duration timeout) throws InterruptedException, TimeoutException {
        while (true) {
            try {
                return transactions.fetchInTransaction(() -> {
                    if (tokens.fetchSegments(LedgerViews.PROCESSING_GROUP).length == 0) {
                        tokens.initializeTokenSegments(LedgerViews.PROCESSING_GROUP, 1);
                    }
                    return tokens.fetchToken(LedgerViews.PROCESSING_GROUP, 0);
                });
            } catch (UnableToClaimTokenException claimedElsewhere) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("another node held the views' processor for " + timeout.toSeconds()
                            + " s: " + claimedElsewhere.getMessage());
                }
                Thread.sleep(CLAIM_RETRY.toMillis());
            }
        }
    }

    /** Writes every row to {@code file} (length-prefixed UTF-8, as a row may hold line breaks); its digests. */
    private long[] writeRows(Path file) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            return digests(row -> {
                try {
                    byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot keep the views before the replay in " + file, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the views before the replay in " + file, e);
        }
    }

    /** The rows kept in {@code file} whose digests are not among {@code rowsAfter}, the first few. */
    private static List<String> beforeOnly(Path file, long[] rowsAfter) {
        List<String> differences = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (differences.size() < SHOWN_DIFFERENCES) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                String row = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                if (Arrays.binarySearch(rowsAfter, digest(row)) < 0) {
                    differences.add("before only: " + row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the views kept before the replay in " + file, e);
        }
        return differences;
    }

    /** Shows each row to {@code rows} and returns the digests of all of them, sorted. */
    private long[] digests(Consumer<String> rows) {
        LongStream.Builder digests = LongStream.builder();
        eachRow(row -> {
            rows.accept(row);
            digests.add(digest(row));
        });
        return digests.build().sorted().toArray();
    }

    /** Each view's name and the query that reads all its rows in key order, views in a fixed order. */
    public static Map<String, String> everyRowInOrder() {
        Map<String, String> queries = new LinkedHashMap<>();
        LedgerViewsProjection.TABLES.forEach(view -> queries.put(view.name(), everyRowInOrder(view)));
        return Collections.unmodifiableMap(queries);
    }

    private static String everyRowInOrder(ViewTable view) {
        return "SELECT * FROM " + view.name() + " ORDER BY " + String.join(", ", view.key());
    }

    /**
     * Every row of every view as one line of text, in a fixed order, streamed inside a read-only transaction.
     */
    void eachRow(Consumer<String> rows) {
        readOnly.executeWithoutResult(status -> {
            for (ViewTable view : LedgerViewsProjection.TABLES) {
                StreamedQuery.each(jdbc, everyRowInOrder(view), resultSet -> {
                    StringBuilder line = new StringBuilder(view.name());
                    for (int column = 1; column <= resultSet.getMetaData().getColumnCount(); column++) {
                        line.append(" | ")
                                .append(resultSet.getMetaData().getColumnLabel(column).toLowerCase(Locale.ROOT))
                                .append('=').append(resultSet.getString(column));
                    }
                    rows.accept(line.toString());
                });
            }
        });
    }

    /** The first 64 bits of the row's SHA-256: a million rows take 8 MB, and two rows collide about never. */
    private static long digest(String row) {
        return ByteBuffer.wrap(Sha256.of(row.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("ledger-views-before-replay", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the views before the replay in a temporary file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
