package org.programmeledger.ledger.service;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The two databases a store may live in, told from the JDBC driver's product name: the one place that asks, so
 * that every SQL spelling, lock and backup that differs between them decides alike.
 */
public enum StoreDatabase {
    H2("H2"), POSTGRESQL("PostgreSQL");

    private final String productName;

    StoreDatabase(String productName) {
        this.productName = productName;
    }

    public static StoreDatabase of(JdbcTemplate jdbc) {
        return of(jdbc.getDataSource());
    }

    public static StoreDatabase of(DataSource dataSource) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database holds the store", e);
        }
        return named(product);
    }

    /** The database whose JDBC driver gives {@code product} as its product name. */
    public static StoreDatabase named(String product) {
        for (StoreDatabase database : values()) {
            if (database.productName.equals(product)) {
                return database;
            }
        }
        throw new IllegalStateException("a store is kept in H2 or PostgreSQL, not " + product);
    }

    @Override
    public String toString() {
        return productName;
    }
}
