package org.programmeledger.analytics.metric;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The metrics the views hold figures of (retracted ones aside): until the metric catalogue exists, the
 * only list of metrics there is. Each is chartable, and named by its id in words.
 */
@Component
class RecordedMetrics implements KnownMetrics {

    private final JdbcTemplate jdbc;

    RecordedMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> ids() {
        return jdbc.queryForList("SELECT DISTINCT metric FROM view_figure WHERE retracted = FALSE ORDER BY metric",
                String.class);
    }

    @Override
    public List<String> chartable() {
        return ids();
    }

    @Override
    public String label(String metric) {
        String words = metric.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
