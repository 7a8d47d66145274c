package org.programmeledger.ledger.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.programmeledger.ledger.store.LedgerHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Gauges of the store: its head position and the position the hash chain has sealed up to. */
@Component
class LedgerMetrics {

    LedgerMetrics(MeterRegistry registry, LedgerHead head, JdbcTemplate jdbc) {
        Gauge.builder("ledger.events.head.position", head, LedgerHead::position)
                .description("Global position of the newest event").register(registry);
        Gauge.builder("ledger.chain.head.position", jdbc, LedgerMetrics::chainHead)
                .description("Position the hash chain has sealed up to").register(registry);
    }

    private static double chainHead(JdbcTemplate jdbc) {
        Long position = jdbc.queryForObject("SELECT position FROM ledger_seal_head WHERE id = 1", Long.class);
        return position == null ? 0 : position;
    }
}
