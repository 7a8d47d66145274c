package org.programmeledger.analytics.jobs;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The aggregate that joins a group's values into one ';'-separated list in a given order, as the database of the
 * views writes it: H2 has the standard's LISTAGG, PostgreSQL its STRING_AGG.
 */
@Component
public class OrderedLists {

    private final DataSource dataSource;
    private volatile Boolean postgresql;

    OrderedLists(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** E.g. {@code of("f.figure_id", "f.figure_id, f.period_id")}. */
    public String of(String value, String orderBy) {
        return postgresql() ? "STRING_AGG(" + value + ", ';' ORDER BY " + orderBy + ")"
                : "LISTAGG(" + value + ", ';') WITHIN GROUP (ORDER BY " + orderBy + ")";
    }

    private boolean postgresql() {
        if (postgresql == null) {
            try {
                postgresql = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                        DatabaseMetaData::getDatabaseProductName));
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("cannot tell which database holds the views", e);
            }
        }
        return postgresql;
    }
}
