package org.programmeledger.ledger.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.programmeledger.ledger.sealing.SealedTree;
import org.programmeledger.ledger.store.LedgerHead;
import org.springframework.stereotype.Component;

/** Gauges of the store: its head position and how many events are sealed as leaves of the tree. */
@Component
class LedgerMetrics {

    LedgerMetrics(MeterRegistry registry, LedgerHead head, SealedTree tree) {
        Gauge.builder("ledger.events.head.position", head, LedgerHead::position)
                .description("Global position of the newest event").register(registry);
        Gauge.builder("ledger.tree.size", tree, SealedTree::size)
                .description("Events sealed as leaves of the tree").register(registry);
    }
}
