package org.programmeledger.analytics.views;

import java.sql.DatabaseMetaData;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * One statement that inserts a view row or, when its key exists, sets its columns to the same values: what
 * an update followed by an insert did in two round trips, and what a JDBC batch can carry. Its arguments are
 * the columns, then the key.
 */
final class Upsert {

    enum Dialect {
        H2, POSTGRESQL;

        static Dialect of(JdbcTemplate jdbc) {
            String product;
            try {
                product = JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(),
                        DatabaseMetaData::getDatabaseProductName);
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("cannot tell which database holds the views", e);
            }
            return switch (product) {
                case "H2" -> H2;
                case "PostgreSQL" -> POSTGRESQL;
                default -> throw new IllegalStateException("the views are kept in H2 or PostgreSQL, not " + product);
            };
        }
    }

    private final String table;
    private final List<String> key;
    private final List<String> columns;
    private final String h2;
    private final String postgresql;

    Upsert(String table, List<String> key, List<String> columns) {
        this.table = table;
        this.key = List.copyOf(key);
        this.columns = List.copyOf(columns);
        h2 = sql(Dialect.H2, 1);
        postgresql = sql(Dialect.POSTGRESQL, 1);
    }

    String sql(Dialect dialect) {
        return dialect == Dialect.H2 ? h2 : postgresql;
    }

    /**
     * One statement for {@code rows} rows: a set operation that the database plans and executes once, where a JDBC
     * batch executes the statement once per row. No two of the rows may have the same key (PostgreSQL refuses to
     * update a row twice in one statement).
     */
    String sql(Dialect dialect, int rows) {
        String names = Stream.concat(columns.stream(), key.stream()).collect(Collectors.joining(", "));
        String row = "(" + String.join(", ", Collections.nCopies(width(), "?")) + ")";
        String values = String.join(", ", Collections.nCopies(rows, row));
        String keyNames = String.join(", ", key);
        return dialect == Dialect.H2
                ? "MERGE INTO " + table + " (" + names + ") KEY (" + keyNames + ") VALUES " + values
                : "INSERT INTO " + table + " (" + names + ") VALUES " + values + " ON CONFLICT (" + keyNames
                        + ") DO UPDATE SET " + columns.stream().map(column -> column + " = EXCLUDED." + column)
                        .collect(Collectors.joining(", "));
    }

    /** The arguments of one row: the columns, then the key. */
    int width() {
        return columns.size() + key.size();
    }

    /** The key of a row's arguments, to tell two rows of one key apart from two rows of two. */
    List<Object> keyOf(Object[] arguments) {
        return Arrays.asList(arguments).subList(columns.size(), width());
    }
}
