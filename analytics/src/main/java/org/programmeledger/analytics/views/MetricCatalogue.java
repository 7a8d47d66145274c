package org.programmeledger.analytics.views;

import java.util.Arrays;
import java.util.List;
import org.programmeledger.analytics.reads.CatalogueMetric;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The metric catalogue as the views hold it: what each metric counts, its units, and how it aggregates. */
@Component
public class MetricCatalogue {

    private final JdbcTemplate jdbc;

    public MetricCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every metric, by id. */
    public List<CatalogueMetric> metrics() {
        return jdbc.query("SELECT metric_id, label, units, aggregation, chartable, description FROM view_metric "
                + "ORDER BY metric_id", (row, n) -> new CatalogueMetric(row.getString(1), row.getString(2),
                Arrays.asList(row.getString(3).split(";")), row.getString(4), row.getBoolean(5), row.getString(6)));
    }
}
