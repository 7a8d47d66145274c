package org.programmeledger.ledger.sealing;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.programmeledger.ledger.proof.LeafHashes;
import org.programmeledger.ledger.proof.SignedCheckpoint;
import org.programmeledger.ledger.service.StreamedQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signed tree as stored, for those who read it outside sealing (proofs, export, metrics): its leaves, the
 * event rows they seal, exactly as stored, and its signed checkpoints. Read inside a transaction for one
 * moment's tree.
 */
@Component
public class SealedTree {

    private static final String EVENTS_WITH_LEAVES = "SELECT e." + SealedEvent.COLUMNS.replace(", ", ", e.")
            + ", l.leaf_index, l.leaf_hash FROM ledger_tree_leaf l JOIN domain_event_entry e "
            + "ON e.global_index = l.position WHERE l.leaf_index < ? ORDER BY l.leaf_index";

    private final JdbcTemplate jdbc;

    SealedTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A leaf of the tree: its index and its hash in hex. */
    public record Leaf(long index, String hash) {
    }

    /** How many leaves the tree has. */
    public long size() {
        return leafHashes().size();
    }

    /** The leaf hashes, for Merkle proofs. */
    public LeafHashes leafHashes() {
        return new StoredLeaves(jdbc);
    }

    /** The leaf that seals the event at {@code position}; empty while it is not sealed. */
    public Optional<Leaf> leafOf(long position) {
        return jdbc.query("SELECT leaf_index, leaf_hash FROM ledger_tree_leaf WHERE position = ?",
                (row, n) -> new Leaf(row.getLong(1), row.getString(2).trim()), position).stream().findFirst();
    }

    /** The stored rows of one aggregate's events of the payload types named, up to a position, in order. */
    public List<SealedEvent> eventsOf(String aggregateIdentifier, Collection<String> payloadTypes, long upToPosition) {
        if (payloadTypes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + SealedEvent.COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type IN (" + String.join(", ", Collections.nCopies(payloadTypes.size(), "?"))
                        + ") AND global_index <= ? ORDER BY global_index", (row, n) -> SealedEvent.read(row),
                Stream.of(Stream.of(aggregateIdentifier), payloadTypes.stream(), Stream.of(upToPosition))
                        .flatMap(s -> s).toArray());
    }

    /** The first {@code leaves} leaves with the rows they seal, in leaf order, streamed: call inside a transaction. */
    public void eachEventWithLeaf(long leaves, BiConsumer<SealedEvent, Leaf> each) {
        StreamedQuery.each(jdbc, EVENTS_WITH_LEAVES, row -> each.accept(SealedEvent.read(row),
                new Leaf(row.getLong(11), row.getString(12).trim())), leaves);
    }

    /** The first signed checkpoint whose tree holds leaf {@code index}. */
    public Optional<SignedCheckpoint> firstCheckpointHolding(long index) {
        return jdbc.query("SELECT note FROM ledger_checkpoint WHERE tree_size > ? ORDER BY tree_size LIMIT 1",
                (row, n) -> SignedCheckpoint.parseLine(row.getString(1)), index).stream().findFirst();
    }

    /** The newest signed checkpoint. */
    public Optional<SignedCheckpoint> newestCheckpoint() {
        return jdbc.query("SELECT note FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1",
                (row, n) -> SignedCheckpoint.parseLine(row.getString(1))).stream().findFirst();
    }
}
