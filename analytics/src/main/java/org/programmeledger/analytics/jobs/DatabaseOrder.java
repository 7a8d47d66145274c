package org.programmeledger.analytics.jobs;

import java.sql.DatabaseMetaData;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Strings ranked as the database of the views orders them (its collation), for lines gathered in Java that must
 * come out in the order an ORDER BY would give: Java's {@code String.compareTo} agrees with PostgreSQL only under
 * the C collation. The database sorts only the distinct strings given, not the rows they head.
 */
@Component
public class DatabaseOrder {

    private final JdbcTemplate jdbc;
    private volatile String unnest;

    DatabaseOrder(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Each string's rank (0 first) in the database's ascending order. */
    public Map<String, Integer> ranks(Collection<String> strings) {
        Map<String, Integer> ranks = new HashMap<>();
        if (strings.isEmpty()) {
            return ranks;
        }
        String[] values = strings.toArray(String[]::new);
        jdbc.query("SELECT * FROM " + unnest() + " ORDER BY 1", statement -> statement.setArray(1,
                statement.getConnection().createArrayOf("VARCHAR", values)), row -> {
                    ranks.put(row.getString(1), ranks.size());
                });
        return ranks;
    }

    private String unnest() {
        if (unnest == null) {
            try {
                unnest = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(),
                        DatabaseMetaData::getDatabaseProductName)) ? "unnest(CAST(? AS VARCHAR[]))"
                        : "UNNEST(CAST(? AS VARCHAR ARRAY))";
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("cannot tell which database holds the views", e);
            }
        }
        return unnest;
    }
}
