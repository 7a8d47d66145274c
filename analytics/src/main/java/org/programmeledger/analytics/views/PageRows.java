package org.programmeledger.analytics.views;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.programmeledger.ledger.service.StoreDatabase;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The view writes of one page of a rebuild into emptied views (#19): the rows the page's events create are held in
 * memory, whole and by key, and the page's later writes to them change them there; at the page's commit each view's
 * rows go in one set operation: a COPY on PostgreSQL, a JDBC batch of plain INSERTs on H2. Writes to rows of earlier
 * pages (a status change, a retraction, a correction) go to the database as the live processor sends them, before
 * the page's rows: those rows are not in the database yet, so no statement can reach them, and every statement sees
 * the earlier pages' rows as it would have at its event. The heap holds one page's rows, whatever the ledger's size.
 *
 * <p>A row an event creates must not exist yet: a rebuild sees each event once, into emptied views. A ledger that
 * created one row twice in two pages stops the rebuild at that page, its views and token left at the page before.
 */
final class PageRows implements ViewWrites {

    /** Characters formatted, and bytes sent, at a time by a COPY. */
    private static final int COPY_CHUNK = 64 * 1024;
    private static final ViewTable FIGURE = LedgerViewsProjection.FIGURE;
    private static final ViewTable FIGURE_VALUE = LedgerViewsProjection.FIGURE_VALUE;
    private static final ViewTable PERIOD = LedgerViewsProjection.PERIOD;
    /** The columns a figure's first listed value copies from it, in FIGURE_VALUE's order. */
    private static final List<String> VALUE_COLUMNS = List.of("figure_value", "value_high", "qualifier", "source",
            "source_document", "source_date", "source_location", "source_link");

    private final JdbcTemplate jdbc;
    private final StoreDatabase dialect;
    private final StatementWrites earlierPages;
    private final Map<ViewTable, Map<List<Object>, Object[]>> rows = new LinkedHashMap<>();

    PageRows(JdbcTemplate jdbc, StoreDatabase dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.earlierPages = new StatementWrites(jdbc, dialect);
    }

    @Override
    public void insert(ViewTable table, Object... row) {
        // One look-up: an event creates its row, which is not held yet (but for a ledger that created it twice).
        Object[] held = rows(table).putIfAbsent(List.copyOf(table.keyOf(row)), table.newRow(row));
        if (held != null) {
            table.set(held, row);
        }
    }

    @Override
    public void upsert(ViewTable table, Object... row) {
        Object[] held = held(table, table.keyOf(row));
        if (held != null) {
            table.set(held, row);
        } else {
            earlierPages.upsert(table, row);
        }
    }

    /** By key: the held row, or else the database's. Otherwise both: matching rows may be held and stored. */
    @Override
    public void update(RowUpdate update, Object... arguments) {
        if (update.keyed()) {
            Object[] held = held(update.table(), update.keyOf(arguments));
            if (held != null) {
                update.apply(held, arguments);
                return;
            }
        } else {
            rows(update.table()).values().forEach(row -> update.apply(row, arguments));
        }
        earlierPages.update(update, arguments);
    }

    /** A figure held was created in this page, so are its values: they are held too. */
    @Override
    public void listFirstValue(String periodId, String figureId) {
        Object[] figure = held(FIGURE, List.of(periodId, figureId));
        if (figure == null) {
            earlierPages.listFirstValue(periodId, figureId);
            return;
        }
        if (held(FIGURE_VALUE, List.of(periodId, figureId, 0)) == null) {
            List<Object> value = new ArrayList<>();
            VALUE_COLUMNS.forEach(column -> value.add(figure[FIGURE.indexOf(column)]));
            value.addAll(Arrays.asList(false, null, periodId, figureId, 0));
            insert(FIGURE_VALUE, value.toArray());
        }
    }

    /**
     * A figure held was created in this page, so are its values. The values adopted in this page are held; those of
     * earlier pages the statement looks for itself.
     */
    @Override
    public void correctFigure(String periodId, String figureId, BigDecimal value, BigDecimal high, String qualifier) {
        Object[] figure = held(FIGURE, List.of(periodId, figureId));
        boolean adoptedHeld = adoptedOtherValueHeld(periodId, figureId);
        if (figure == null) {
            if (adoptedHeld) {
                earlierPages.correctFirstValue(periodId, figureId, value, high, qualifier);
            } else {
                earlierPages.correctFigure(periodId, figureId, value, high, qualifier);
            }
            return;
        }
        if (!adoptedHeld) {
            LedgerViewsProjection.CORRECT_FIGURE.apply(figure, new Object[] {value, high, qualifier, true, periodId,
                    figureId});
        }
        Object[] first = held(FIGURE_VALUE, List.of(periodId, figureId, 0));
        if (first != null) {
            LedgerViewsProjection.CORRECT_FIRST_VALUE.apply(first, new Object[] {value, high, qualifier, periodId,
                    figureId, 0});
        }
    }

    private boolean adoptedOtherValueHeld(String periodId, String figureId) {
        int period = FIGURE_VALUE.indexOf("period_id");
        int figure = FIGURE_VALUE.indexOf("figure_id");
        int number = FIGURE_VALUE.indexOf("value_number");
        int adopted = FIGURE_VALUE.indexOf("adopted");
        for (Object[] row : rows(FIGURE_VALUE).values()) {
            if (row[period].equals(periodId) && row[figure].equals(figureId) && Boolean.TRUE.equals(row[adopted])
                    && !Objects.equals(row[number], 0)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void periodChanged(String periodId, long version) {
        Object[] period = held(PERIOD, List.of(periodId));
        if (period == null) {
            earlierPages.periodChanged(periodId, version);
            return;
        }
        int versionColumn = PERIOD.indexOf("version");
        if ((Long) period[versionColumn] < version) {
            period[versionColumn] = version;
            period[PERIOD.indexOf("changed_since_publication")] = period[PERIOD.indexOf("publication")] != null;
        }
    }

    /** A held period's changes are made at once, in their order. */
    @Override
    public void beforePeriodWrite(String periodId) {
        if (held(PERIOD, List.of(periodId)) == null) {
            earlierPages.beforePeriodWrite(periodId);
        }
    }

    @Override
    public void advanceTo(long position, Instant recordedAt) {
        earlierPages.advanceTo(position, recordedAt);
    }

    @Override
    public void send() {
        earlierPages.send();
        rows.forEach((table, held) -> {
            if (!held.isEmpty()) {
                insertAll(table, held.values());
            }
        });
        rows.clear();
    }

    private void insertAll(ViewTable table, Collection<Object[]> held) {
        if (dialect == StoreDatabase.H2) {
            jdbc.batchUpdate(table.insertSql(), new ArrayList<>(held));
            return;
        }
        // Streamed in chunks as the rows are formatted: the server parses a chunk while the next is made, and no
        // page-sized text is held (a page's figures made strings of megabytes, allocated outside G1's regions).
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), table.copySql(),
                    COPY_CHUNK);
            try (Writer csv = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), COPY_CHUNK)) {
                StringBuilder line = new StringBuilder(256);
                char[] chars = new char[256];
                for (Object[] row : held) {
                    line.setLength(0);
                    for (int column = 0; column < row.length; column++) {
                        if (column > 0) {
                            line.append(',');
                        }
                        cell(line, row[column]);
                    }
                    line.append('\n');
                    // Through a reused array: Writer.append copies the line into a new string first.
                    if (chars.length < line.length()) {
                        chars = new char[line.length() * 2];
                    }
                    line.getChars(0, line.length(), chars, 0);
                    csv.write(chars, 0, line.length());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the rows of " + table, e);
            }
            return null;
        });
    }

    /**
     * A CSV cell as COPY reads it: nothing for null; numbers, truth values and dates as they print (a decimal in
     * plain notation); any other text quoted, a quote doubled, so that an empty text stays empty.
     */
    private static void cell(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal decimal) {
            csv.append(decimal.toPlainString());
            return;
        }
        if (value instanceof Number || value instanceof Boolean) {
            csv.append(value);
            return;
        }
        String text = value.toString();
        csv.append('"');
        int from = 0;
        for (int quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', from)) {
            csv.append(text, from, quote + 1).append('"');
            from = quote + 1;
        }
        csv.append(text, from, text.length()).append('"');
    }

    private Object[] held(ViewTable table, List<Object> key) {
        Map<List<Object>, Object[]> held = rows.get(table);
        return held == null ? null : held.get(key);
    }

    private Map<List<Object>, Object[]> rows(ViewTable table) {
        return rows.computeIfAbsent(table, any -> new LinkedHashMap<>());
    }
}
