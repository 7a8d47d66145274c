package org.programmeledger.analytics.views;

import java.sql.DatabaseMetaData;
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

    private final String h2;
    private final String postgresql;

    Upsert(String table, List<String> key, List<String> columns) {
        String names = Stream.concat(columns.stream(), key.stream()).collect(Collectors.joining(", "));
        String values = String.join(", ", Collections.nCopies(columns.size() + key.size(), "?"));
        String keyNames = String.join(", ", key);
        h2 = "MERGE INTO " + table + " (" + names + ") KEY (" + keyNames + ") VALUES (" + values + ")";
        postgresql = "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT (" + keyNames
                + ") DO UPDATE SET " + columns.stream().map(column -> column + " = EXCLUDED." + column)
                .collect(Collectors.joining(", "));
    }

    String sql(Dialect dialect) {
        return dialect == Dialect.H2 ? h2 : postgresql;
    }
}
