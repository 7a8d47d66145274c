package org.programmeledger.ledger.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.proof.Checkpoint;
import org.programmeledger.ledger.proof.CheckpointKeys;
import org.programmeledger.ledger.proof.CompactRange;
import org.programmeledger.ledger.proof.SignedCheckpoint;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.DocumentedRoles;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.PostgresTestServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attack suite on PostgreSQL, as the application's own role ledger_app with the README's grants (its
 * password is in the application's configuration): what the database refuses, and what it lets through
 * and verify then finds at its position. The seed ledger, 136 events, sealed and witnessed.
 */
class AttackSuitePostgresIT {

    private static final Instant FORGED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private final PostgresTestServer server = PostgresTestServer.get();
    private ConfigurableApplicationContext ledger;
    private JdbcTemplate asApp;
    private LedgerVerifier verifier;
    @TempDir
    Path forgersFolder;

    @BeforeEach
    void sealedSeedLedgerRunningAsTheApplicationRole() {
        ledger = new SpringApplicationBuilder(LedgerTestApplication.class)
                .run(DocumentedRoles.newDatabase(server).applicationArguments());
        ledger.getBean(LedgerImporter.class).importFiles(SeedData.files(),
                Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
        ledger.getBean(Sequencer.class).sealPending();
        asApp = ledger.getBean(JdbcTemplate.class);
        verifier = ledger.getBean(LedgerVerifier.class);
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    @Test
    void whatTheApplicationRoleMayNotDoIsRefusedAndTheLedgerStaysIntact() {
        for (String attack : new String[] {
                "UPDATE domain_event_entry SET payload = REPLACE(payload, '6980000', '698000')",
                "DELETE FROM domain_event_entry WHERE global_index = " + sealedPosition(55),
                "UPDATE domain_event_entry SET global_index = -1 WHERE global_index = " + sealedPosition(39),
                "UPDATE ledger_tree_leaf SET leaf_hash = leaf_hash WHERE leaf_index = 76",
                "DELETE FROM ledger_tree_leaf WHERE leaf_index >= 114",
                "UPDATE ledger_checkpoint SET root_hash = root_hash",
                "DELETE FROM ledger_checkpoint WHERE tree_size > 114",
                "UPDATE ledger_event_authenticator SET mac = mac",
                "DELETE FROM ledger_event_authenticator",
                "UPDATE ledger_seal_head SET position = 0"}) {
            System.out.println("attack as ledger_app: " + attack);
            assertThatThrownBy(() -> asApp.update(attack)).rootCause().hasMessageContaining("append-only");
        }
        // the role may TRUNCATE (a replay empties the views so): each table sealing depends on refuses it
        for (String table : new String[] {"ledger_tree_leaf", "ledger_checkpoint", "ledger_event_authenticator",
                "ledger_seal_head"}) {
            assertThatThrownBy(() -> asApp.execute("TRUNCATE " + table)).rootCause()
                    .hasMessageContaining("append-only: TRUNCATE of " + table + " refused");
            assertThatThrownBy(() -> asApp.execute("ALTER TABLE " + table + " DISABLE TRIGGER ALL")).rootCause()
                    .hasMessageContaining("must be owner");
        }
        VerifyReport report = verifier.verify();
        System.out.println("  verify said: " + report);
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(136);
    }

    @Test
    void anInsertedEventIsNotSealedAndFoundAtItsPosition() {
        System.out.println("attack as ledger_app: insert a FigureCorrected-like copy of the 50th event, after the 136");
        assertThat(asApp.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) SELECT "
                + "'forged', aggregate_identifier, 1000, type, time_stamp, payload_type, payload_revision, payload, "
                + "meta_data FROM domain_event_entry WHERE global_index = " + sealedPosition(49))).isOne();
        long forged = positionOf("forged");

        expectBrokenAt(forged, "not authenticated by the ledger's key");
        assertThat(asApp.queryForObject("SELECT COUNT(*) FROM ledger_tree_leaf WHERE position = ?", Long.class,
                forged)).isZero();
    }

    @Test
    void aForgedEventAppendedWithItsLeafAndACheckpointOfItsOwnIsFoundAtItsPosition() {
        System.out.println("attack as ledger_app: append a forged event after the 136 with its correct leaf hash, a "
                + "made-up authenticator and a checkpoint of tree size 137 signed by another key");
        asApp.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data) SELECT 'forged', "
                + "aggregate_identifier, 1000, type, time_stamp, payload_type, payload_revision, "
                + "REPLACE(payload, '6980000', '9980000'), meta_data FROM domain_event_entry WHERE payload LIKE ?",
                "%\"figureId\":\"6.1.2\"%");
        SealedEvent forged = asApp.queryForObject("SELECT " + SealedEvent.COLUMNS + " FROM domain_event_entry "
                + "WHERE event_identifier = 'forged'", (row, n) -> SealedEvent.read(row));
        SigningKey forger = SigningKey.loadOrCreate(forgersFolder.resolve("forger.ed25519"));
        asApp.update("INSERT INTO ledger_event_authenticator (position, event_identifier, key_id, mac) "
                + "VALUES (?, 'forged', ?, ?)", forged.position(), forger.keyId(),
                forger.authenticate(forged.leafData()));
        asApp.update("INSERT INTO ledger_tree_leaf (leaf_index, position, leaf_hash) VALUES (136, ?, ?)",
                forged.position(), forged.leafHash());
        CompactRange tree = new CompactRange();
        asApp.queryForList("SELECT leaf_hash FROM ledger_tree_leaf ORDER BY leaf_index", String.class)
                .forEach(hash -> tree.append(Hashing.unhex(hash)));
        SignedCheckpoint signed = forger.sign(new Checkpoint("programme-ledger", 137, tree.root(), FORGED_AT));
        asApp.update("INSERT INTO ledger_checkpoint (tree_size, root_hash, signed_at, key_id, signature, note) "
                + "VALUES (137, ?, CURRENT_TIMESTAMP, ?, ?, ?)", Hashing.hex(tree.root()), signed.keyId(),
                Base64.getEncoder().encodeToString(signed.signature()), signed.line());

        expectBrokenAt(forged.position(), "the event's authenticator was removed or changed");
    }

    @Test
    void aForgedRotationIsFoundAtItsPosition() {
        ledger.getBean(SigningKeyRegistrar.class).registerKeys();
        SigningKey key = ledger.getBean(SigningKey.class);
        KeyPair forger = CheckpointKeys.generate();
        KeyRotation selfSigned = KeyRotation.sign(forger.getPublic(), FORGED_AT, forger.getPrivate(), key.publicKey());
        System.out.println("attack as ledger_app: record a rotation to a key of one's own after the key's event, "
                + "signed by that key instead of the retiring one, past the register's rule");
        ForgedRotation.append(ledger.getBean(EventStore.class), selfSigned);
        ledger.getBean(Sequencer.class).sealPending();
        long rotation = asApp.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);

        expectBrokenAt(rotation, "the rotation to signing key " + selfSigned.keyId() + " is not signed by the key it "
                + "replaces, " + key.keyId() + ": a forged rotation");
    }

    /** The position of leaf {@code leafIndex}: positions have gaps where a node's block of them expired. */
    private static String sealedPosition(int leafIndex) {
        return "(SELECT position FROM ledger_tree_leaf WHERE leaf_index = " + leafIndex + ")";
    }

    /** Where an event landed: the node draws positions ahead, so the next one is not the 137th. */
    private long positionOf(String eventIdentifier) {
        return asApp.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventIdentifier);
    }

    private void expectBrokenAt(long position, String problem) {
        VerifyReport report = verifier.verify();
        System.out.println("  verify said: " + report);
        assertThat(report.brokenAt()).as(report.toString()).isEqualTo(position);
        assertThat(report.problem()).contains(problem);
    }
}
