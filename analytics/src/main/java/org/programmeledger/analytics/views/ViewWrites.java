package org.programmeledger.analytics.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The view writes of one batch of events, sent when the batch commits: consecutive writes of the same
 * statement go as one JDBC batch, each period's version is written once (its highest), and the position
 * once (the batch's last). Every write is a blind one (an upsert or a guarded update), so sending them
 * together in their order gives the rows that sending them one by one would.
 */
final class ViewWrites {

    /** The plan period's aggregate version, which clients send back as If-Match; after a publication, changed. */
    private static final String PERIOD_VERSION = "UPDATE view_period SET version = ?, "
            + "changed_since_publication = (publication IS NOT NULL) WHERE period_id = ? AND version < ?";

    private record Write(String sql, Object[] arguments) {
    }

    private final JdbcTemplate jdbc;
    private final List<Write> writes = new ArrayList<>();
    private final Map<String, Long> periodVersions = new LinkedHashMap<>();
    private long position = -1;
    private String recordedAt;

    ViewWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String sql, Object... arguments) {
        writes.add(new Write(sql, arguments));
    }

    /**
     * A change to the period's content. Between two other writes to the period's row, its guarded updates
     * only raise the version and set the same flag, so the highest of them stands for all.
     */
    void periodChanged(String periodId, long version) {
        periodVersions.merge(periodId, version, Math::max);
    }

    /** Call before any other write to the period's row, so that its content changes keep their order. */
    void beforePeriodWrite(String periodId) {
        Long version = periodVersions.remove(periodId);
        if (version != null) {
            add(PERIOD_VERSION, version, periodId, version);
        }
    }

    void advanceTo(long position, String recordedAt) {
        if (position > this.position) {
            this.position = position;
            this.recordedAt = recordedAt;
        }
    }

    void send() {
        int start = 0;
        while (start < writes.size()) {
            String sql = writes.get(start).sql();
            int end = start;
            List<Object[]> arguments = new ArrayList<>();
            while (end < writes.size() && writes.get(end).sql().equals(sql)) {
                arguments.add(writes.get(end++).arguments());
            }
            jdbc.batchUpdate(sql, arguments);
            start = end;
        }
        if (!periodVersions.isEmpty()) {
            jdbc.batchUpdate(PERIOD_VERSION, periodVersions.entrySet().stream()
                    .map(period -> new Object[] {period.getValue(), period.getKey(), period.getValue()}).toList());
        }
        if (position >= 0) {
            writePosition();
        }
        writes.clear();
        periodVersions.clear();
    }

    private void writePosition() {
        if (jdbc.update("UPDATE view_position SET position = ?, recorded_at = ? WHERE view_name = ? AND position < ?",
                position, recordedAt, LedgerViews.PROCESSING_GROUP, position) == 0) {
            Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM view_position WHERE view_name = ?",
                    Integer.class, LedgerViews.PROCESSING_GROUP);
            if (rows == null || rows == 0) {
                jdbc.update("INSERT INTO view_position (view_name, position, recorded_at) VALUES (?, ?, ?)",
                        LedgerViews.PROCESSING_GROUP, position, recordedAt);
            }
        }
    }
}
