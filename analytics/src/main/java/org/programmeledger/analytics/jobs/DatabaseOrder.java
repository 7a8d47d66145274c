package org.programmeledger.analytics.jobs;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Strings ranked as the database of the views orders them (its collation), for lines gathered in Java that must
 * come out in the order an ORDER BY would give: Java's {@code String.compareTo} agrees with PostgreSQL only under
 * the C collation. The database sorts only the distinct strings given, not the rows they head.
 */
@Component
public class DatabaseOrder {

    private final JdbcTemplate jdbc;
    private final ViewsDialect dialect;

    DatabaseOrder(DataSource dataSource, ViewsDialect dialect) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = dialect;
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
        return dialect.postgresql() ? "unnest(CAST(? AS VARCHAR[]))" : "UNNEST(CAST(? AS VARCHAR ARRAY))";
    }
}
