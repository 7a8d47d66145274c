package org.programmeledger.analytics.metric;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.programmeledger.analytics.reads.CatalogueMetric;
import org.programmeledger.analytics.reads.KnownMetrics;
import org.programmeledger.analytics.views.MetricCatalogue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The metrics the views hold figures of (retracted ones aside), as the metric catalogue describes them: a job
 * runs only for a metric with figures, a chart only for one the catalogue marks chartable, named by the
 * catalogue's label. A ledger with no catalogue yet (it applies once one exists) charts every recorded metric,
 * named by its id in words.
 */
@Component
public class RecordedMetrics implements KnownMetrics {

    private final JdbcTemplate jdbc;
    private final MetricCatalogue catalogue;

    /** The metrics of the views behind {@code jdbc}, for a caller without the application (the command line). */
    public static KnownMetrics in(JdbcTemplate jdbc) {
        return new RecordedMetrics(jdbc, new MetricCatalogue(jdbc));
    }

    RecordedMetrics(JdbcTemplate jdbc, MetricCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    @Override
    public List<String> ids() {
        return jdbc.queryForList("SELECT DISTINCT metric FROM view_figure WHERE retracted = FALSE ORDER BY metric",
                String.class);
    }

    /** One index lookup: listing every metric is a scan of view_figure, twice per job launch (BENCHMARKS.md). */
    @Override
    public boolean has(String metric) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM view_figure WHERE metric = ? "
                + "AND retracted = FALSE)", Boolean.class, metric));
    }

    @Override
    public List<String> chartable() {
        Map<String, CatalogueMetric> described = described();
        return ids().stream().filter(id -> described.isEmpty() || (described.containsKey(id)
                && described.get(id).chartable())).toList();
    }

    @Override
    public String label(String metric) {
        CatalogueMetric described = described().get(metric);
        if (described != null) {
            return described.label();
        }
        String words = metric.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private Map<String, CatalogueMetric> described() {
        return catalogue.metrics().stream()
                .collect(Collectors.toMap(CatalogueMetric::metricId, Function.identity()));
    }
}
