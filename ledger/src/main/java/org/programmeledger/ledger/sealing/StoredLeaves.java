package org.programmeledger.ledger.sealing;

import java.util.function.Consumer;
import org.programmeledger.ledger.proof.LeafHashes;
import org.programmeledger.ledger.service.StreamedQuery;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tree's leaf hashes as ledger_tree_leaf holds them; ranges are streamed. Call inside a transaction. */
final class StoredLeaves implements LeafHashes {

    private final JdbcTemplate jdbc;

    StoredLeaves(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long size() {
        Long last = jdbc.queryForObject("SELECT MAX(leaf_index) FROM ledger_tree_leaf", Long.class);
        return last == null ? 0 : last + 1;
    }

    @Override
    public byte[] leafHash(long index) {
        return Hashing.unhex(jdbc.queryForObject("SELECT leaf_hash FROM ledger_tree_leaf WHERE leaf_index = ?",
                String.class, index));
    }

    @Override
    public void forEach(long from, long to, Consumer<byte[]> sink) {
        StreamedQuery.each(jdbc, "SELECT leaf_hash FROM ledger_tree_leaf WHERE leaf_index >= ? AND leaf_index < ? "
                + "ORDER BY leaf_index", row -> sink.accept(Hashing.unhex(row.getString(1))), from, to);
    }
}
