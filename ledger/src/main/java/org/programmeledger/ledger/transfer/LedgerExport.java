package org.programmeledger.ledger.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.LongConsumer;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.sealing.SealedTree;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledger.store.EventStoreConfiguration;
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

    private final SealedTree tree;
    private final LedgerVerifier chain;

    private final TransactionTemplate snapshot;

    LedgerExport(SealedTree tree, LedgerVerifier chain, PlatformTransactionManager transactionManager) {
        this.tree = tree;
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
                tree.eachEventWithLeaf(digest.events(), (event, leaf) -> {
                    line(out, new ExportedEvent(event.position(), event.eventIdentifier(), event.aggregateIdentifier(),
                            event.sequenceNumber(), event.type(), event.timestamp(), event.payloadType(),
                            event.payloadRevision(), event.payload(), event.metaData(), leaf.index(), leaf.hash()));
                    progress.accept(++written[0]);
                });
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
