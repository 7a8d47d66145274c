package org.programmeledger.analytics.jobs;

import javax.sql.DataSource;
import org.programmeledger.ledger.service.StoreDatabase;
import org.springframework.stereotype.Component;

/**
 * The SQL that differs between the databases holding the views, as the jobs write it: the ordered list of a
 * group's values (H2 has the standard's LISTAGG, PostgreSQL its STRING_AGG), and the per-row functions where
 * PostgreSQL's portable spelling is slow (its EXTRACT computes in numeric: DATE_PART in floating point is
 * several times cheaper over every figure of a job).
 */
@Component
public class ViewsDialect {

    /** view_figure's values have six decimals. */
    private static final int DECIMALS = 6;

    private final DataSource dataSource;
    private volatile Boolean postgresql;

    ViewsDialect(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The aggregate joining a group's values into one ';'-separated list in the given order. */
    public String orderedList(String value, String orderBy) {
        return postgresql() ? "STRING_AGG(" + value + ", ';' ORDER BY " + orderBy + ")"
                : "LISTAGG(" + value + ", ';') WITHIN GROUP (ORDER BY " + orderBy + ")";
    }

    /** A day's year, as an integer. */
    public String year(String day) {
        return postgresql() ? "CAST(DATE_PART('year', " + day + ") AS INTEGER)"
                : "CAST(EXTRACT(YEAR FROM " + day + ") AS INTEGER)";
    }

    /** A day's month (1 to 12), as an integer. */
    public String month(String day) {
        return postgresql() ? "CAST(DATE_PART('month', " + day + ") AS INTEGER)"
                : "CAST(EXTRACT(MONTH FROM " + day + ") AS INTEGER)";
    }

    /** The fewest decimals that state a view_figure value unchanged (0 for 4.000000, 1 for 1.500000). */
    public String minScale(String value) {
        if (postgresql()) {
            return "MIN_SCALE(" + value + ")";
        }
        StringBuilder scale = new StringBuilder("CASE");
        for (int digits = 0; digits < DECIMALS; digits++) {
            scale.append(" WHEN ").append(value).append(" = ROUND(").append(value).append(", ").append(digits)
                    .append(") THEN ").append(digits);
        }
        return scale.append(" ELSE ").append(DECIMALS).append(" END").toString();
    }

    boolean postgresql() {
        if (postgresql == null) {
            postgresql = StoreDatabase.of(dataSource) == StoreDatabase.POSTGRESQL;
        }
        return postgresql;
    }
}
