package org.programmeledger.analytics.views;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.programmeledger.ledger.store.LedgerHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
            new String[] {"view_activity", "period_id, activity_id"},
            new String[] {"view_figure", "period_id, figure_id"},
            new String[] {"view_position", "view_name"});
    private static final int SHOWN_DIFFERENCES = 20;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final LedgerHead head;
    private final LedgerViews views;
    private final ViewsHealth health;

    ViewReplay(EventProcessingConfiguration processing, JdbcTemplate jdbc, LedgerHead head, LedgerViews views,
               ViewsHealth health) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.head = head;
        this.views = views;
        this.health = health;
    }

    /** What a replay did: the position rebuilt to, the rows rebuilt, and every difference found. */
    public record Report(long position, long rows, List<String> differences) {

        public boolean identical() {
            return differences.isEmpty();
        }
    }

    /** Replays from zero; {@code progress} hears (position reached, ledger head) while it runs. */
    public Report replay(Duration timeout, BiConsumer<Long, Long> progress)
            throws InterruptedException, TimeoutException {
        // The views compared against are the ones caught up with the ledger; waiting also lets a processor
        // that is still starting finish before it is stopped and reset.
        views.awaitHead(timeout);
        long target = head.position();
        List<String> before = dump();
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
        List<String> after = dump();
        return new Report(reached, after.size(), differences(before, after));
    }

    private long position() {
        List<Long> positions = jdbc.queryForList("SELECT position FROM view_position WHERE view_name = ?", Long.class,
                LedgerViews.PROCESSING_GROUP);
        return positions.isEmpty() ? 0 : positions.get(0);
    }

    /** Every row of every view as one line of text, in a fixed order. */
    List<String> dump() {
        List<String> rows = new ArrayList<>();
        for (String[] view : VIEWS) {
            jdbc.query("SELECT * FROM " + view[0] + " ORDER BY " + view[1], resultSet -> {
                StringBuilder line = new StringBuilder(view[0]);
                for (int column = 1; column <= resultSet.getMetaData().getColumnCount(); column++) {
                    line.append(" | ").append(resultSet.getMetaData().getColumnLabel(column).toLowerCase(Locale.ROOT))
                            .append('=').append(resultSet.getString(column));
                }
                rows.add(line.toString());
            });
        }
        return rows;
    }

    private static List<String> differences(List<String> before, List<String> after) {
        Set<String> kept = new HashSet<>(after);
        Set<String> had = new HashSet<>(before);
        List<String> differences = new ArrayList<>();
        before.stream().filter(row -> !kept.contains(row)).map(row -> "before only: " + row)
                .forEach(differences::add);
        after.stream().filter(row -> !had.contains(row)).map(row -> "after only:  " + row)
                .forEach(differences::add);
        return differences.size() > SHOWN_DIFFERENCES ? differences.subList(0, SHOWN_DIFFERENCES) : differences;
    }
}
