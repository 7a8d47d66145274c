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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.programmeledger.ledger.hashing.Sha256;
import org.programmeledger.ledger.store.LedgerHead;
import org.programmeledger.ledger.store.StreamedQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the event store from zero (Axon's processor reset) and compares the
 * rebuilt views with the ones before, row by row.
 */
@Component
public class ViewReplay {

    /** Each view with the columns that identify its rows, so both dumps list rows in one order. */
    private static final List<String[]> VIEWS = List.of(
            new String[] {"view_programme", "programme_id"},
            new String[] {"view_period", "period_id"},
            new String[] {"view_organisation", "organisation_id"},
            new String[] {"view_item", "period_id, item_number"},
            new String[] {"view_item_lead_organisation", "period_id, item_number, organisation_id"},
            new String[] {"view_activity", "period_id, activity_id"},
            new String[] {"view_figure", "period_id, figure_id"},
            new String[] {"view_figure_value", "period_id, figure_id, value_number"},
            new String[] {"view_metric", "metric_id"},
            new String[] {"view_position", "view_name"});
    private static final int SHOWN_DIFFERENCES = 20;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final LedgerHead head;
    private final LedgerViews views;
    private final ViewsHealth health;
    private final TransactionTemplate readOnly;

    ViewReplay(EventProcessingConfiguration processing, JdbcTemplate jdbc, LedgerHead head, LedgerViews views,
               ViewsHealth health, PlatformTransactionManager transactionManager) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.head = head;
        this.views = views;
        this.health = health;
        this.readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
    }

    /** What a replay did: the position rebuilt to, the rows rebuilt, and every difference found. */
    public record Report(long position, long rows, List<String> differences) {

        public boolean identical() {
            return differences.isEmpty();
        }
    }

    /**
     * Replays from zero; {@code progress} hears (position reached, ledger head) while it runs. The views
     * before are kept on disk and compared as digests of their rows, so a ledger of any size fits in memory.
     */
    public Report replay(Duration timeout, BiConsumer<Long, Long> progress)
            throws InterruptedException, TimeoutException {
        // The views compared against are the ones caught up with the ledger; waiting also lets a processor
        // that is still starting finish before it is stopped and reset.
        views.awaitHead(timeout);
        long target = head.position();
        Path before = temporaryFile();
        try {
            long[] rowsBefore = writeRows(before);
            StreamingEventProcessor processor = processing
                    .eventProcessor(LedgerViews.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("no " + LedgerViews.PROCESSING_GROUP + " processor"));
            health.replaying(true);
            long reached;
            try {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
                long deadline = System.nanoTime() + timeout.toNanos();
                reached = position();
                while (reached < target) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the replay reached position " + reached + " of " + target
                                + " within " + timeout.toSeconds() + " s");
                    }
                    progress.accept(reached, target);
                    Thread.sleep(100);
                    reached = position();
                }
            } finally {
                health.replaying(false);
            }
            progress.accept(reached, target);
            List<String> afterOnly = new ArrayList<>();
            long[] rowsAfter = digests(row -> {
                if (afterOnly.size() < SHOWN_DIFFERENCES && Arrays.binarySearch(rowsBefore, digest(row)) < 0) {
                    afterOnly.add("after only:  " + row);
                }
            });
            List<String> differences = new ArrayList<>(beforeOnly(before, rowsAfter));
            differences.addAll(afterOnly);
            return new Report(reached, rowsAfter.length,
                    List.copyOf(differences.subList(0, Math.min(SHOWN_DIFFERENCES, differences.size()))));
        } finally {
            deleteQuietly(before);
        }
    }

    private long position() {
        List<Long> positions = jdbc.queryForList("SELECT position FROM view_position WHERE view_name = ?", Long.class,
                LedgerViews.PROCESSING_GROUP);
        return positions.isEmpty() ? 0 : positions.get(0);
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

    /**
     * Every row of every view as one line of text, in a fixed order, streamed inside a read-only transaction.
     */
    void eachRow(Consumer<String> rows) {
        readOnly.executeWithoutResult(status -> {
            for (String[] view : VIEWS) {
                StreamedQuery.each(jdbc, "SELECT * FROM " + view[0] + " ORDER BY " + view[1], resultSet -> {
                    StringBuilder line = new StringBuilder(view[0]);
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
