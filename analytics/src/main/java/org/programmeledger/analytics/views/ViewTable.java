package org.programmeledger.analytics.views;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.programmeledger.ledger.service.StoreDatabase;

/**
 * A view table as the projection writes it: the columns an event that creates a row sets, then the row's key (the
 * arguments of an upsert, in that order), then the columns such an event leaves at their defaults. The live
 * processor writes rows with one upsert statement each (what a JDBC batch can carry; an event seen twice after a
 * crash sets the same values); a rebuild into emptied views holds whole rows and inserts them.
 */
final class ViewTable {

    private final String name;
    private final List<String> key;
    private final List<String> columns;
    private final List<String> defaulted;
    private final Object[] defaults;
    private final List<String> allColumns;
    private final String h2;
    private final String postgresql;

    ViewTable(String name, List<String> key, List<String> columns) {
        this(name, key, columns, Map.of());
    }

    /** @param defaults the columns an upsert leaves, with the values the table's DDL gives them (in order) */
    ViewTable(String name, List<String> key, List<String> columns, Map<String, Object> defaults) {
        this.name = name;
        this.key = List.copyOf(key);
        this.columns = List.copyOf(columns);
        LinkedHashMap<String, Object> ordered = new LinkedHashMap<>(defaults);
        this.defaulted = List.copyOf(ordered.keySet());
        this.defaults = ordered.values().toArray();
        this.allColumns = Stream.of(this.columns, this.key, defaulted).flatMap(List::stream).toList();
        h2 = sql(StoreDatabase.H2, 1);
        postgresql = sql(StoreDatabase.POSTGRESQL, 1);
    }

    /** An ordered map of defaults, which may hold nulls (Map.of cannot). */
    static Map<String, Object> defaults(Object... namesAndValues) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            defaults.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return defaults;
    }

    String name() {
        return name;
    }

    List<String> key() {
        return key;
    }

    String sql(StoreDatabase dialect) {
        return dialect == StoreDatabase.H2 ? h2 : postgresql;
    }

    /**
     * One statement for {@code rows} rows: a set operation that the database plans and executes once, where a JDBC
     * batch executes the statement once per row. No two of the rows may have the same key (PostgreSQL refuses to
     * update a row twice in one statement).
     */
    String sql(StoreDatabase dialect, int rows) {
        String names = Stream.concat(columns.stream(), key.stream()).collect(Collectors.joining(", "));
        String row = "(" + String.join(", ", Collections.nCopies(width(), "?")) + ")";
        String values = String.join(", ", Collections.nCopies(rows, row));
        String keyNames = String.join(", ", key);
        return dialect == StoreDatabase.H2
                ? "MERGE INTO " + name + " (" + names + ") KEY (" + keyNames + ") VALUES " + values
                : "INSERT INTO " + name + " (" + names + ") VALUES " + values + " ON CONFLICT (" + keyNames
                        + ") DO UPDATE SET " + columns.stream().map(column -> column + " = EXCLUDED." + column)
                        .collect(Collectors.joining(", "));
    }

    /** The arguments of one upsert: the columns, then the key. */
    int width() {
        return columns.size() + key.size();
    }

    /** The key of an upsert's arguments (or of a whole row), to tell two rows of one key apart from two rows of two. */
    List<Object> keyOf(Object[] row) {
        return Arrays.asList(row).subList(columns.size(), width());
    }

    /** Where {@code column} is in a whole row: an upsert's arguments, then the defaulted columns. */
    int indexOf(String column) {
        int index = allColumns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(name + " has no column " + column);
        }
        return index;
    }

    /** The whole row an upsert's arguments create: they, then the defaults. */
    Object[] newRow(Object[] upsert) {
        Object[] row = Arrays.copyOf(upsert, allColumns.size());
        System.arraycopy(defaults, 0, row, width(), defaults.length);
        return row;
    }

    /** What an upsert of an existing row does to it: its columns set, the others kept. */
    void set(Object[] row, Object[] upsert) {
        System.arraycopy(upsert, 0, row, 0, columns.size());
    }

    /** Inserts whole rows, one statement with a parameter per column (a JDBC batch of it on H2). */
    String insertSql() {
        return "INSERT INTO " + name + " (" + String.join(", ", allColumns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(allColumns.size(), "?")) + ")";
    }

    /** Streams whole rows into the table as CSV (PostgreSQL). */
    String copySql() {
        return "COPY " + name + " (" + String.join(", ", allColumns) + ") FROM STDIN WITH (FORMAT csv)";
    }

    /** The columns of {@code names}, checked against the table. */
    int[] indexesOf(List<String> names) {
        return names.stream().mapToInt(this::indexOf).toArray();
    }

    @Override
    public String toString() {
        return name;
    }
}
