package org.programmeledger.ledger.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.LongConsumer;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.sealing.Digest;
import org.programmeledger.ledger.sealing.VerifyReport;
import org.programmeledger.ledger.store.EventStoreConfiguration;
import org.programmeledger.ledger.store.StreamedQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the sealed event stream as JSON Lines, streaming: a header, one line per event with its leaf,
 * in leaf order, and the digest (the tree's root) last. Read in one repeatable-read transaction, so the file is one moment's ledger.
 */
@Component
public class LedgerExport {

    static final ObjectMapper JSON = EventStoreConfiguration.canonicalObjectMapper();

    private final JdbcTemplate jdbc;
    private final LedgerVerifier chain;
    private static final String EVENTS_WITH_LEAVES = "SELECT e.global_index, e.event_identifier, "
            + "e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, "
            + "e.payload, e.meta_data, l.leaf_index, l.leaf_hash FROM ledger_tree_leaf l "
            + "JOIN domain_event_entry e ON e.global_index = l.position WHERE l.leaf_index < ? ORDER BY l.leaf_index";

    private final TransactionTemplate snapshot;

    LedgerExport(JdbcTemplate jdbc, LedgerVerifier chain, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Writes every sealed event and returns the digest the file ends with. */
    public Digest write(Writer out, LongConsumer progress) {
        return write(out, null, progress);
    }

    /** Writes the tree up to the leaf of {@code position} (every sealed event when null): the ledger as it stood there. */
    public Digest write(Writer out, Long position, LongConsumer progress) {
        return snapshot.execute(status -> {
            VerifyReport verified = chain.verify();
            if (!verified.intact()) {
                throw new IllegalStateException("the ledger does not verify, so it is not exported: " + verified);
            }
            Digest digest = position == null ? chain.digest() : chain.digestAt(position);
            try {
                line(out, ExportHeader.CURRENT);
                long[] written = {0};
                // Streamed inside the snapshot's transaction, so the heap does not hold the whole ledger.
                StreamedQuery.each(jdbc, EVENTS_WITH_LEAVES, row -> {
                    line(out, new ExportedEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                            row.getString(10), row.getLong(11), row.getString(12).trim()));
                    progress.accept(++written[0]);
                }, digest.events());
                line(out, new ExportFooter(digest));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return digest;
        });
    }

    private static void line(Writer out, Object value) {
        try {
            out.write(JSON.writeValueAsString(value));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
