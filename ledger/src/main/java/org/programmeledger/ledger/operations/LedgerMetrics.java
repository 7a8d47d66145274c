package org.programmeledger.ledger.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.programmeledger.ledger.store.LedgerHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Gauges of the store: its head position and how many events are sealed as leaves of the tree. */
@Component
class LedgerMetrics {

    LedgerMetrics(MeterRegistry registry, LedgerHead head, JdbcTemplate jdbc) {
        Gauge.builder("ledger.events.head.position", head, LedgerHead::position)
                .description("Global position of the newest event").register(registry);
        Gauge.builder("ledger.tree.size", jdbc, LedgerMetrics::treeSize)
                .description("Events sealed as leaves of the tree").register(registry);
    }

    private static double treeSize(JdbcTemplate jdbc) {
        Long last = jdbc.queryForObject("SELECT MAX(leaf_index) FROM ledger_tree_leaf", Long.class);
        return last == null ? 0 : last + 1;
    }
}
