package org.programmeledger.analytics.jobs;

import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database's statistics of the views, refreshed before a job reads them when a bulk change left them stale.
 * PostgreSQL's autovacuum analyzes a table a minute or so after a large change; a job launched in between (right
 * after a large import or a replay) was planned on the statistics of near-empty tables and joined figures to
 * figures by nested loops: 115 s instead of about 3 for the period summary of 10^5 events (BENCHMARKS.md, round 10).
 * Only views changed by more than a tenth since their last analysis are analyzed, and ANALYZE reads a bounded sample.
 * A role that does not own the views gets PostgreSQL's warning instead, and the job goes on. H2 plans without them.
 */
@Component
public class ViewStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(ViewStatistics.class);
    static final String STALE = "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() "
            + "AND relname LIKE 'view!_%' ESCAPE '!' AND n_mod_since_analyze > 50 + n_live_tup / 10 ORDER BY relname";

    private final JdbcTemplate jdbc;
    private final ViewsDialect dialect;

    ViewStatistics(DataSource dataSource, ViewsDialect dialect) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.dialect = dialect;
    }

    /** Analyzes the views whose statistics a bulk change left stale; returns their names. */
    public List<String> refreshIfStale() {
        if (!dialect.postgresql()) {
            return List.of();
        }
        List<String> stale = jdbc.queryForList(STALE, String.class);
        if (!stale.isEmpty()) {
            jdbc.execute("ANALYZE " + stale.stream().map(table -> '"' + table + '"').collect(Collectors.joining(", ")));
            LOG.info("analyzed views changed since their statistics: {}", stale);
        }
        return stale;
    }
}
