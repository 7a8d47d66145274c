package org.programmeledger.ledger.sealing;

import org.programmeledger.ledger.sealing.SealedTree.Leaf;
import org.programmeledger.ledger.service.StoreDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes events with their leaves into an empty store, as an export file holds them (docs/transfer.md). */
@Component
public class SealedTreeLoader {

    private final JdbcTemplate jdbc;
    private final Sequencer sequencer;

    SealedTreeLoader(JdbcTemplate jdbc, Sequencer sequencer) {
        this.jdbc = jdbc;
        this.sequencer = sequencer;
    }

    /** Stores the event row at its own position with its leaf, authenticated by this store's key. */
    public void insert(SealedEvent e, Leaf leaf) {
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.position(), e.eventIdentifier(),
                e.aggregateIdentifier(), e.sequenceNumber(), e.type(), e.timestamp(), e.payloadType(),
                e.payloadRevision(), e.payload(), e.metaData());
        jdbc.update("INSERT INTO ledger_tree_leaf (leaf_index, position, leaf_hash) VALUES (?, ?, ?)", leaf.index(),
                e.position(), leaf.hash());
        sequencer.authenticate(e);
    }

    /**
     * Events loaded with their own positions; new ones must be numbered after them. Call after the load
     * commits, since H2 commits any open transaction on DDL.
     */
    public void continueNumberingAfter(long position) {
        if (StoreDatabase.of(jdbc) == StoreDatabase.POSTGRESQL) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), ?)",
                    Long.class, Math.max(position, 1));
        } else {
            jdbc.execute("ALTER TABLE domain_event_entry ALTER COLUMN global_index RESTART WITH " + (position + 1));
        }
    }
}
