package org.programmeledger.ledger.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.programmeledger.ledger.audit.Digest;
import org.programmeledger.ledger.audit.SealedEvent;
import org.programmeledger.ledger.registry.RegistryRebuild;
import org.programmeledger.ledger.store.LedgerHead;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads an export file into an empty store of either kind. The whole file is checked first (format,
 * every seal recomputed from the event it seals, the digest at the end), then loaded in one transaction:
 * a truncated or altered file is refused with its line, and nothing is loaded.
 */
@Component
public class LedgerEventImport {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerHead head;
    private final RegistryRebuild registry;

    LedgerEventImport(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LedgerHead head,
                      RegistryRebuild registry) {
        this.jdbc = jdbc;
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
        transaction.executeWithoutResult(status -> {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                lines.readLine();
                long loaded = 0;
                for (long n = 2; n <= digest.events() + 1; n++) {
                    insert(LedgerExport.JSON.readValue(lines.readLine(), ExportedEvent.class));
                    progress.accept(++loaded);
                }
                jdbc.update("UPDATE ledger_seal_head SET position = ?, hash = ? WHERE id = 1", digest.position(),
                        digest.hash());
                registry.rebuild();
            } catch (IOException e) {
                throw new IllegalStateException("cannot load " + file + ": " + e.getMessage(), e);
            }
        });
        continueNumberingAfter(digest.position());
        return digest;
    }

    /** Reads the whole file and recomputes the chain; throws at the first line that is wrong. */
    Digest check(Path file) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = 1;
            String line = lines.readLine();
            if (line == null || !ExportHeader.CURRENT.equals(parse(line, n, ExportHeader.class))) {
                throw new ExportRefused(1, "not a Programme Ledger export (version " + ExportHeader.CURRENT.version()
                        + ")");
            }
            long previousPosition = 0;
            String previousHash = SealedEvent.GENESIS;
            long events = 0;
            while ((line = lines.readLine()) != null) {
                n++;
                if (line.startsWith("{\"digest\"")) {
                    Digest digest = parse(line, n, ExportFooter.class).digest();
                    if (digest.position() != previousPosition || !digest.hash().equals(previousHash)
                            || digest.events() != events || lines.readLine() != null) {
                        throw new ExportRefused(n, "the digest does not match the events before it");
                    }
                    return digest;
                }
                ExportedEvent event = parse(line, n, ExportedEvent.class);
                if (event.previousPosition() != previousPosition || event.position() <= previousPosition) {
                    throw new ExportRefused(n, "position " + event.position() + " does not follow "
                            + previousPosition + ": a line was removed, added or moved");
                }
                String hash = sealed(event).hashAfter(previousHash);
                if (!hash.equals(event.seal())) {
                    throw new ExportRefused(n, "the event at position " + event.position()
                            + " does not match its seal: the line was changed");
                }
                previousPosition = event.position();
                previousHash = hash;
                events++;
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

    private void insert(ExportedEvent e) {
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.position(), e.eventIdentifier(),
                e.aggregateIdentifier(), e.sequenceNumber(), e.type(), e.timestamp(), e.payloadType(),
                e.payloadRevision(), e.payload(), e.metaData());
        jdbc.update("INSERT INTO ledger_seal (position, event_identifier, previous_position, hash) VALUES (?, ?, ?, ?)",
                e.position(), e.eventIdentifier(), e.previousPosition(), e.seal());
    }

    /**
     * Events loaded with their own positions; new ones must be numbered after them. Done after the load
     * commits, since H2 commits any open transaction on DDL.
     */
    private void continueNumberingAfter(long position) {
        String database = jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName()).toLowerCase(Locale.ROOT);
        if (database.contains("postgres")) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), ?)",
                    Long.class, Math.max(position, 1));
        } else {
            jdbc.execute("ALTER TABLE domain_event_entry ALTER COLUMN global_index RESTART WITH " + (position + 1));
        }
    }
}
