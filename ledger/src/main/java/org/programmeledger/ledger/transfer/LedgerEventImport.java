package org.programmeledger.ledger.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.programmeledger.ledger.hashing.Sha256;
import org.programmeledger.ledger.proof.CompactRange;
import org.programmeledger.ledger.registry.RegistryRebuild;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.sealing.SealedEvent;
import org.programmeledger.ledger.sealing.SealedTree.Leaf;
import org.programmeledger.ledger.sealing.SealedTreeLoader;
import org.programmeledger.ledger.sealing.Sequencer;
import org.programmeledger.ledger.service.ExportRefused;
import org.programmeledger.ledger.store.LedgerHead;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads an export file into an empty store of either kind. The whole file is checked first (format,
 * every leaf recomputed from its event, the tree's root at the end), then loaded in one transaction with
 * its leaves, each event authenticated and the tree signed by this store's key: a truncated or altered file
 * is refused with its line, and nothing is loaded.
 */
@Component
public class LedgerEventImport {

    private final SealedTreeLoader loader;
    private final TransactionTemplate transaction;
    private final LedgerHead head;
    private final RegistryRebuild registry;
    private final Sequencer sequencer;

    LedgerEventImport(SealedTreeLoader loader, PlatformTransactionManager transactionManager, LedgerHead head,
                      RegistryRebuild registry, Sequencer sequencer) {
        this.loader = loader;
        this.sequencer = sequencer;
        this.transaction = new TransactionTemplate(transactionManager);
        this.head = head;
        this.registry = registry;
    }

    /** Checks and loads the file; returns the digest the store now has, equal to the file's. */
    public Digest load(Path file, LongConsumer progress) throws IOException {
        long present = head.eventCount();
        if (present > 0) {
            throw new IllegalStateException("the store holds " + present + " events; import-events loads into an "
                    + "empty store only");
        }
        Digest digest = check(file);
        long[] highest = {0};
        transaction.executeWithoutResult(status -> {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                lines.readLine();
                long loaded = 0;
                for (long n = 2; n <= digest.events() + 1; n++) {
                    ExportedEvent event = LedgerExport.JSON.readValue(lines.readLine(), ExportedEvent.class);
                    loader.insert(sealed(event), new Leaf(event.leafIndex(), event.leafHash()));
                    highest[0] = Math.max(highest[0], event.position());
                    progress.accept(++loaded);
                }
                sequencer.adopt(digest.events());
                registry.rebuild();
            } catch (IOException e) {
                throw new IllegalStateException("cannot load " + file + ": " + e.getMessage(), e);
            }
        });
        loader.continueNumberingAfter(highest[0]);
        return digest;
    }

    /** Reads the whole file and recomputes the tree; throws at the first line that is wrong. */
    Digest check(Path file) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = 1;
            String line = lines.readLine();
            if (line == null || !ExportHeader.CURRENT.equals(parse(line, n, ExportHeader.class))) {
                throw new ExportRefused(1, "not a Programme Ledger export (version " + ExportHeader.CURRENT.version()
                        + ")");
            }
            CompactRange tree = new CompactRange();
            long lastPosition = 0;
            while ((line = lines.readLine()) != null) {
                n++;
                if (line.startsWith("{\"digest\"")) {
                    Digest digest = parse(line, n, ExportFooter.class).digest();
                    if (digest.position() != lastPosition || !digest.hash().equals(Sha256.hex(tree.root()))
                            || digest.events() != tree.size() || lines.readLine() != null) {
                        throw new ExportRefused(n, "the digest does not match the events before it");
                    }
                    return digest;
                }
                ExportedEvent event = parse(line, n, ExportedEvent.class);
                if (event.leafIndex() != tree.size()) {
                    throw new ExportRefused(n, "leaf " + event.leafIndex() + " does not follow leaf "
                            + (tree.size() - 1) + ": a line was removed, added or moved");
                }
                String hash = sealed(event).leafHash();
                if (!hash.equals(event.leafHash())) {
                    throw new ExportRefused(n, "the event at position " + event.position()
                            + " does not match its leaf: the line was changed");
                }
                tree.append(Sha256.unhex(hash));
                lastPosition = event.position();
            }
            throw new ExportRefused(n, "the file ends without its digest: it was cut short");
        }
    }

    private static <T> T parse(String line, long n, Class<T> type) {
        try {
            return LedgerExport.JSON.readValue(line, type);
        } catch (JsonProcessingException e) {
            throw new ExportRefused(n, "not a well-formed line: " + e.getOriginalMessage());
        }
    }

    private static SealedEvent sealed(ExportedEvent e) {
        return new SealedEvent(e.position(), e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(),
                e.type(), e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
    }
}
