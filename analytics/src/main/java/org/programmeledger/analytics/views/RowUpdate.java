package org.programmeledger.analytics.views;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An update of the rows of a view whose columns equal the given values, optionally only where a column is below a
 * value (a period's version): one definition that gives both the SQL the live processor sends and the change a
 * rebuild makes to the rows it holds. Its arguments: the values set, then the values matched, then the bound.
 */
final class RowUpdate {

    private final ViewTable table;
    private final int[] set;
    private final int[] where;
    private final int below;
    private final boolean keyed;
    private final String sql;

    private RowUpdate(ViewTable table, List<String> set, List<String> where, String below) {
        this.table = table;
        this.set = table.indexesOf(set);
        this.where = table.indexesOf(where);
        this.below = below == null ? -1 : table.indexOf(below);
        this.keyed = where.equals(table.key());
        this.sql = "UPDATE " + table.name() + " SET " + set.stream().map(column -> column + " = ?")
                .collect(Collectors.joining(", ")) + " WHERE " + where.stream().map(column -> column + " = ?")
                .collect(Collectors.joining(" AND ")) + (below == null ? "" : " AND " + below + " < ?");
    }

    /** Sets {@code set} in the rows whose {@code where} columns have the given values. */
    static RowUpdate of(ViewTable table, List<String> set, List<String> where) {
        return new RowUpdate(table, set, where, null);
    }

    /** As {@link #of}, only in rows whose {@code below} column is less than the last argument. */
    static RowUpdate below(ViewTable table, List<String> set, List<String> where, String below) {
        return new RowUpdate(table, set, where, below);
    }

    ViewTable table() {
        return table;
    }

    String sql() {
        return sql;
    }

    /** Whether it matches its table's key: one row at most, found by key. */
    boolean keyed() {
        return keyed;
    }

    /** The key an update by key matches, from its arguments. */
    List<Object> keyOf(Object[] arguments) {
        return List.of(Arrays.copyOfRange(arguments, set.length, set.length + where.length));
    }

    /** Whether {@code row} (a whole row) is one the update changes. */
    @SuppressWarnings("unchecked")
    boolean matches(Object[] row, Object[] arguments) {
        for (int i = 0; i < where.length; i++) {
            if (!Objects.equals(row[where[i]], arguments[set.length + i])) {
                return false;
            }
        }
        return below < 0 || ((Comparable<Object>) row[below]).compareTo(arguments[set.length + where.length]) < 0;
    }

    /** Changes {@code row} as the statement would, if it matches. */
    void apply(Object[] row, Object[] arguments) {
        if (matches(row, arguments)) {
            for (int i = 0; i < set.length; i++) {
                row[set[i]] = arguments[i];
            }
        }
    }
}
