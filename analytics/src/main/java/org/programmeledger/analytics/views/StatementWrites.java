package org.programmeledger.analytics.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.programmeledger.ledger.service.StoreDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The view writes of one batch of events as statements, sent when the batch commits: consecutive writes of the
 * same statement go as one JDBC batch, each period's version is written once (its highest), and the position
 * once (the batch's last). Every write is a blind one (an upsert or a guarded update), so sending them
 * together in their order gives the rows that sending them one by one would.
 */
final class StatementWrites implements ViewWrites {

    /** The plan period's aggregate version, which clients send back as If-Match; after a publication, changed. */
    private static final String PERIOD_VERSION = "UPDATE view_period SET version = ?, "
            + "changed_since_publication = (publication IS NOT NULL) WHERE period_id = ? AND version < ?";
    private static final String FIRST_VALUE = "INSERT INTO view_figure_value (period_id, figure_id, value_number, "
            + "figure_value, value_high, qualifier, source, source_document, source_date, source_location, "
            + "source_link, adopted) SELECT period_id, figure_id, 0, figure_value, value_high, qualifier, source, "
            + "source_document, source_date, source_location, source_link, FALSE FROM view_figure f "
            + "WHERE f.period_id = ? AND f.figure_id = ? AND NOT EXISTS (SELECT 1 FROM view_figure_value v "
            + "WHERE v.period_id = ? AND v.figure_id = ? AND v.value_number = 0)";
    private static final String CORRECT_FIGURE = LedgerViewsProjection.CORRECT_FIGURE.sql() + " AND NOT EXISTS ("
            + "SELECT 1 FROM view_figure_value v WHERE v.period_id = ? AND v.figure_id = ? AND v.adopted "
            + "AND v.value_number <> 0)";
    private static final String CORRECT_FIRST_VALUE = LedgerViewsProjection.CORRECT_FIRST_VALUE.sql();

    /**
     * Rows of one upsert sent per statement when a batch upserts many in a row (a replay's page of events):
     * PostgreSQL then executes a statement per 200 rows, not per row. At most 32 767 arguments fit in a statement.
     */
    static final int ROWS_PER_STATEMENT = 200;

    /** @param upsert the upsert this write is a row of; null for any other statement */
    private record Write(String sql, Object[] arguments, ViewTable upsert) {
    }

    private final JdbcTemplate jdbc;
    private final StoreDatabase dialect;
    private final List<Write> writes = new ArrayList<>();
    private final Map<String, Long> periodVersions = new LinkedHashMap<>();
    /** A run of consecutive corrections: their figures' updates, and their first values' (sent after them). */
    private final List<Object[]> correctedFigures = new ArrayList<>();
    private final List<Object[]> correctedFirstValues = new ArrayList<>();
    private long position = -1;
    private Instant recordedAt;

    StatementWrites(JdbcTemplate jdbc, StoreDatabase dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    private void add(String sql, Object... arguments) {
        endCorrections();
        writes.add(new Write(sql, arguments, null));
    }

    /** Sent as an upsert: an event handled twice after a crash creates its row again. */
    @Override
    public void insert(ViewTable table, Object... row) {
        upsert(table, row);
    }

    @Override
    public void upsert(ViewTable table, Object... row) {
        endCorrections();
        writes.add(new Write(table.sql(dialect), row, table));
    }

    @Override
    public void update(RowUpdate update, Object... arguments) {
        add(update.sql(), arguments);
    }

    @Override
    public void listFirstValue(String periodId, String figureId) {
        add(FIRST_VALUE, periodId, figureId, periodId, figureId);
    }

    @Override
    public void correctFigure(String periodId, String figureId, BigDecimal value, BigDecimal high, String qualifier) {
        correctedFigures.add(new Object[] {value, high, qualifier, true, periodId, figureId, periodId, figureId});
        correctFirstValue(periodId, figureId, value, high, qualifier);
    }

    /**
     * Sends the first listed value's part of a correction apart from the figure's. The ledger's corrections come
     * in runs (a rebuild's page may hold hundreds); as two batches, a run costs two round trips rather than two a
     * correction. The two parts of a run commute: the first values' updates write only value 0's amounts, which
     * the figures' updates neither write nor read (they look for other adopted values).
     */
    void correctFirstValue(String periodId, String figureId, BigDecimal value, BigDecimal high, String qualifier) {
        correctedFirstValues.add(new Object[] {value, high, qualifier, periodId, figureId, 0});
    }

    /** Ends a run of corrections before any other write: its statements, in their place. */
    private void endCorrections() {
        correctedFigures.forEach(arguments -> writes.add(new Write(CORRECT_FIGURE, arguments, null)));
        correctedFirstValues.forEach(arguments -> writes.add(new Write(CORRECT_FIRST_VALUE, arguments, null)));
        correctedFigures.clear();
        correctedFirstValues.clear();
    }

    /**
     * Between two other writes to the period's row, its guarded updates only raise the version and set the same
     * flag, so the highest of them stands for all.
     */
    @Override
    public void periodChanged(String periodId, long version) {
        periodVersions.merge(periodId, version, Math::max);
    }

    @Override
    public void beforePeriodWrite(String periodId) {
        Long version = periodVersions.remove(periodId);
        if (version != null) {
            add(PERIOD_VERSION, version, periodId, version);
        }
    }

    /** Formatted once, when written, not once per event. */
    @Override
    public void advanceTo(long position, Instant recordedAt) {
        if (position > this.position) {
            this.position = position;
            this.recordedAt = recordedAt;
        }
    }

    @Override
    public void send() {
        endCorrections();
        int start = 0;
        while (start < writes.size()) {
            String sql = writes.get(start).sql();
            int end = start;
            List<Object[]> arguments = new ArrayList<>();
            while (end < writes.size() && writes.get(end).sql().equals(sql)) {
                arguments.add(writes.get(end++).arguments());
            }
            ViewTable upsert = writes.get(start).upsert();
            if (upsert != null && arguments.size() >= ROWS_PER_STATEMENT) {
                sendRows(upsert, arguments);
            } else {
                jdbc.batchUpdate(sql, arguments);
            }
            start = end;
        }
        if (!periodVersions.isEmpty()) {
            jdbc.batchUpdate(PERIOD_VERSION, periodVersions.entrySet().stream()
                    .map(period -> new Object[] {period.getValue(), period.getKey(), period.getValue()}).toList());
        }
        if (position >= 0) {
            writePosition();
        }
        writes.clear();
        periodVersions.clear();
    }

    /**
     * Consecutive rows of one upsert, {@link #ROWS_PER_STATEMENT} per statement (the rest one per statement). Of
     * two rows with one key only the later is sent, in the earlier's place: an upsert sets every column, so the
     * later row is what the two leave behind, and rows of other keys do not depend on their order.
     */
    private void sendRows(ViewTable upsert, List<Object[]> rows) {
        Map<List<Object>, Object[]> latest = new LinkedHashMap<>();
        for (Object[] row : rows) {
            latest.put(upsert.keyOf(row), row);
        }
        List<Object[]> distinct = new ArrayList<>(latest.values());
        int whole = distinct.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        List<Object[]> statements = new ArrayList<>();
        for (int from = 0; from < whole; from += ROWS_PER_STATEMENT) {
            Object[] arguments = new Object[ROWS_PER_STATEMENT * upsert.width()];
            for (int row = 0; row < ROWS_PER_STATEMENT; row++) {
                System.arraycopy(distinct.get(from + row), 0, arguments, row * upsert.width(), upsert.width());
            }
            statements.add(arguments);
        }
        if (!statements.isEmpty()) {
            jdbc.batchUpdate(upsert.sql(dialect, ROWS_PER_STATEMENT), statements);
        }
        if (whole < distinct.size()) {
            jdbc.batchUpdate(upsert.sql(dialect), distinct.subList(whole, distinct.size()));
        }
    }

    private void writePosition() {
        if (jdbc.update("UPDATE view_position SET position = ?, recorded_at = ? WHERE view_name = ? AND position < ?",
                position, recordedAt.toString(), LedgerViews.PROCESSING_GROUP, position) == 0) {
            Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM view_position WHERE view_name = ?",
                    Integer.class, LedgerViews.PROCESSING_GROUP);
            if (rows == null || rows == 0) {
                jdbc.update("INSERT INTO view_position (view_name, position, recorded_at) VALUES (?, ?, ?)",
                        LedgerViews.PROCESSING_GROUP, position, recordedAt.toString());
            }
        }
    }
}
