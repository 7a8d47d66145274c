package org.programmeledger.ledger.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
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
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The attack suite on H2: the seed ledger (136 events), sealed and witnessed, then tampered with by SQL
 * with every right on the database but without the signing key. Each case prints what it did and what
 * verify said, which must be BROKEN at the exact position.
 */
@SpringBootTest(classes = LedgerTestApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class AttackSuiteIT {

    private static final Instant FORGED_AT = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerVerifier verifier;
    @Autowired
    Sequencer sequencer;
    @Autowired
    SigningKey key;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    List<Witness> witnesses;
    @Autowired
    SealingSettings settings;
    @Autowired
    SigningKeyRegistrar registrar;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @TempDir
    Path forgersFolder;

    @BeforeEach
    void recordSealAndWitnessTheSeed() {
        importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
        sequencer.sealPending();
    }

    @Test
    void anUntouchedLedgerVerifiesAgainstItsWitness() {
        VerifyReport report = verifier.verify();

        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(136);
        assertThat(report.headPosition()).isEqualTo(136);
        assertThat(report.witnessed()).startsWith("witnessed checkpoint of tree size 136 (up to position 136");
    }

    @Test
    void changedEvent() {
        long position = positionOf("\"figureId\":\"6.1.2\"");
        attack("change the payload of the event at " + position,
                "UPDATE domain_event_entry SET payload = REPLACE(payload, '6980000', '698000') WHERE global_index = ?",
                position);

        expectBrokenAt(position, "the event does not match its leaf");
    }

    @Test
    void changedMetadata() {
        long position = positionOf("\"figureId\":\"5.1.1\"");
        attack("change the metadata (source line) of the event at " + position,
                "UPDATE domain_event_entry SET meta_data = REPLACE(meta_data, '\"line\":9', '\"line\":8') "
                        + "WHERE global_index = ?", position);

        expectBrokenAt(position, "the event does not match its leaf");
    }

    @Test
    void deletedEvent() {
        long position = positionOf("\"activityId\":\"7.2\"");
        attack("delete the event at " + position, "DELETE FROM domain_event_entry WHERE global_index = ?", position);

        expectBrokenAt(position, "the sealed event was deleted");
    }

    @Test
    void swappedEvents() {
        attack("swap the events at 40 and 41", "UPDATE domain_event_entry SET global_index = -1 WHERE global_index = 40");
        jdbc.update("UPDATE domain_event_entry SET global_index = 40 WHERE global_index = 41");
        jdbc.update("UPDATE domain_event_entry SET global_index = 41 WHERE global_index = -1");

        expectBrokenAt(40, "the event does not match its leaf");
    }

    @Test
    void insertedEvent() {
        attack("insert a copy of event 50 under a new identifier (position 137)", "INSERT INTO domain_event_entry "
                + "(event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data) SELECT 'forged', aggregate_identifier, 1000, type, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data FROM domain_event_entry WHERE global_index = 50");
        sequencer.sealPending();

        expectBrokenAt(137, "not authenticated by the ledger's key");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_tree_leaf WHERE position = 137", Long.class))
                .as("the sequencer did not seal the forged event").isZero();
    }

    @Test
    void forgedEventCorrectlyHashedAtTheEnd() {
        attack("append a forged event at 137 with its correctly computed leaf, a made-up authenticator and a "
                + "checkpoint signed by another key", "INSERT INTO domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                + "meta_data) SELECT 'forged', aggregate_identifier, 1000, type, time_stamp, payload_type, "
                + "payload_revision, REPLACE(payload, '6980000', '9980000'), meta_data FROM domain_event_entry "
                + "WHERE global_index = ?", positionOf("\"figureId\":\"6.1.2\""));
        jdbc.update("INSERT INTO ledger_event_authenticator (position, event_identifier, key_id, mac) VALUES "
                + "(137, 'forged', ?, ?)", key.keyId(), "ab".repeat(32));
        jdbc.update("INSERT INTO ledger_tree_leaf (leaf_index, position, leaf_hash) VALUES (136, 137, ?)",
                event(137).leafHash());
        insertCheckpointSignedBy(forgersKey(), 137);

        expectBrokenAt(137, "the event's authenticator was removed or changed");
    }

    @Test
    void changedLeaf() {
        attack("rewrite the leaf hash of position 77", "UPDATE ledger_tree_leaf SET leaf_hash = ? WHERE position = 77",
                "00".repeat(32));

        expectBrokenAt(77, "the event does not match its leaf");
    }

    @Test
    void deletedLeaf() {
        attack("delete the leaf of position 77", "DELETE FROM ledger_tree_leaf WHERE position = 77");

        expectBrokenAt(77, "leaf was removed");
    }

    @Test
    void rewoundLedger() {
        attack("delete the last five events, their leaves, authenticators and every checkpoint above 114",
                "DELETE FROM domain_event_entry WHERE global_index > 114");
        jdbc.update("DELETE FROM ledger_tree_leaf WHERE leaf_index >= 114");
        jdbc.update("DELETE FROM ledger_event_authenticator WHERE position > 114");
        jdbc.update("DELETE FROM ledger_checkpoint WHERE tree_size > 114");

        expectBrokenAt(136, "it was rewound");
    }

    @Test
    void rewrittenCheckpoint() {
        attack("rewrite the root of the newest checkpoint (tree size 136)",
                "UPDATE ledger_checkpoint SET root_hash = ? WHERE tree_size = 136", "00".repeat(32));

        expectBrokenAt(136, "checkpoint of tree size 136 was changed");
    }

    @Test
    void wholeTreeRecomputedWithoutTheKey() {
        long position = positionOf("\"figureId\":\"6.1.2\"");
        attack("change the event at " + position + ", recompute its leaf and the root, replace every checkpoint by "
                        + "one signed with a key of the forger's own",
                "UPDATE domain_event_entry SET payload = REPLACE(payload, '6980000', '9980000') WHERE global_index = ?",
                position);
        jdbc.update("UPDATE ledger_tree_leaf SET leaf_hash = ? WHERE position = ?", event(position).leafHash(),
                position);
        jdbc.update("DELETE FROM ledger_checkpoint");
        insertCheckpointSignedBy(forgersKey(), 136);

        expectBrokenAt(position, "the event's authenticator was removed or changed");
    }

    @Test
    void replacedKey() {
        SigningKey forger = forgersKey();
        attack("replace the key file by a new key, re-authenticate every event and re-sign the tree with it",
                "DELETE FROM ledger_checkpoint");
        jdbc.update("DELETE FROM ledger_event_authenticator");
        for (SealedEvent event : jdbc.query("SELECT " + SealedEvent.COLUMNS + " FROM domain_event_entry",
                (row, n) -> SealedEvent.read(row))) {
            jdbc.update("INSERT INTO ledger_event_authenticator (position, event_identifier, key_id, mac) "
                    + "VALUES (?, ?, ?, ?)", event.position(), event.eventIdentifier(), forger.keyId(),
                    forger.authenticate(event.leafData()));
        }
        insertCheckpointSignedBy(forger, 136);
        Sequencer restarted = new Sequencer(jdbc, transactionManager, forger, settings, witnesses, Clock.systemUTC());
        VerifyReport report = new LedgerVerifier(jdbc, transactionManager, forger, restarted, witnesses, serializer)
                .verify();
        System.out.println("  verify said: " + report);

        assertThat(report.brokenAt()).as(report.toString()).isEqualTo(136);
        assertThat(report.problem()).contains("the key was replaced");
    }

    @Test
    void replacedKeyFileIsCaughtByTheRecordedKeyWithoutAWitness() {
        registrar.registerKeys();
        sequencer.sealPending();
        SigningKey forger = forgersKey();
        attack("with the key recorded at 137: replace the key file by a new key, re-authenticate every event and "
                + "re-sign the tree with it; no witness to compare with", "DELETE FROM ledger_checkpoint");
        jdbc.update("DELETE FROM ledger_event_authenticator");
        for (SealedEvent event : jdbc.query("SELECT " + SealedEvent.COLUMNS + " FROM domain_event_entry",
                (row, n) -> SealedEvent.read(row))) {
            jdbc.update("INSERT INTO ledger_event_authenticator (position, event_identifier, key_id, mac) "
                    + "VALUES (?, ?, ?, ?)", event.position(), event.eventIdentifier(), forger.keyId(),
                    forger.authenticate(event.leafData()));
        }
        insertCheckpointSignedBy(forger, 137);
        Sequencer restarted = new Sequencer(jdbc, transactionManager, forger, settings, List.of(), Clock.systemUTC());
        VerifyReport report = new LedgerVerifier(jdbc, transactionManager, forger, restarted, List.of(), serializer)
                .verify();
        System.out.println("  verify said: " + report);

        assertThat(report.brokenAt()).as(report.toString()).isEqualTo(137);
        assertThat(report.problem()).contains("the recorded signing key " + key.keyId() + " is not in the key file")
                .contains("the key file was replaced");
    }

    @Test
    void aRotationSignedByTheRetiringKeyVerifies(@TempDir Path keys) throws Exception {
        Path file = keys.resolve("signing.ed25519");
        Files.copy(key.file(), file, StandardCopyOption.COPY_ATTRIBUTES);
        new SigningKeyRegistrar(commands, jdbc, serializer, SigningKey.loadOrCreate(file)).registerKeys();
        SigningKey rotated = SigningKey.rotate(file, Instant.parse("2026-11-30T09:00:00Z"));

        SigningKeyRegistrar.Registration registration = new SigningKeyRegistrar(commands, jdbc, serializer, rotated)
                .registerKeys();
        sequencer.sealPending();
        VerifyReport report = new LedgerVerifier(jdbc, transactionManager, rotated, sequencer, witnesses, serializer)
                .verify();

        assertThat(registration).isEqualTo(new SigningKeyRegistrar.Registration(rotated.keyId(), 138));
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.keys()).isEqualTo("signing keys " + key.keyId() + " -> " + rotated.keyId()
                + ", recorded in the ledger");
        assertThat(Files.readAllLines(rotated.rotationsFile())).hasSize(1).first().asString()
                .startsWith(rotated.keyId() + " " + rotated.publicKeyText() + " 2026-11-30T09:00:00Z " + key.keyId());
        assertThat(jdbc.queryForList("SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE "
                + "'%SigningKeyRegistered' ORDER BY global_index", String.class)).hasSize(2).allSatisfy(metaData ->
                assertThat(metaData).contains("\"channel\":\"signing-keys\"", "\"role\":\"KEY_HOLDER\"",
                        "\"user\":\"" + System.getProperty("user.name") + "\""));
    }

    @Test
    void forgedRotation() {
        registrar.registerKeys();
        KeyPair forger = CheckpointKeys.generate();
        KeyRotation selfSigned = KeyRotation.sign(forger.getPublic(), FORGED_AT, forger.getPrivate(), key.publicKey());
        System.out.println("attack: record a rotation to a key of one's own at 138, signed by that key instead of "
                + "the retiring one, past the register's rule (the event appended as the ledger's writer)");
        ForgedRotation.append(eventStore, selfSigned);
        sequencer.sealPending();

        expectBrokenAt(138, "the rotation to signing key " + selfSigned.keyId() + " is not signed by the key it "
                + "replaces, " + key.keyId() + ": a forged rotation");
    }

    @Test
    void anOldDigestVerifiesOnALongerLedgerAndNotOnARewrittenOne() {
        Digest digest = verifier.digest();
        importer.importFiles(List.of(SeedData.files().get(0)), Map.of(RecordingMetaData.CHANNEL, "csv-import"),
                ImportListener.SILENT);

        assertThat(verifier.verify(digest).intact()).isTrue();
        jdbc.update("UPDATE ledger_tree_leaf SET leaf_hash = ? WHERE position = 3", "00".repeat(32));
        assertThat(verifier.verify(digest).brokenAt()).isEqualTo(3);
    }

    private void attack(String what, String sql, Object... arguments) {
        System.out.println("attack: " + what);
        jdbc.update(sql, arguments);
    }

    private void expectBrokenAt(long position, String problem) {
        VerifyReport report = verifier.verify();
        System.out.println("  verify said: " + report);
        assertThat(report.brokenAt()).as(report.toString()).isEqualTo(position);
        assertThat(report.problem()).contains(problem);
    }

    private long positionOf(String payloadFragment) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE payload LIKE ?", Long.class,
                "%" + payloadFragment + "%");
    }

    private SealedEvent event(long position) {
        return jdbc.queryForObject("SELECT " + SealedEvent.COLUMNS + " FROM domain_event_entry WHERE global_index = ?",
                (row, n) -> SealedEvent.read(row), position);
    }

    private SigningKey forgersKey() {
        return SigningKey.loadOrCreate(forgersFolder.resolve("forger.ed25519"));
    }

    /** A checkpoint of the stored leaves as they are now, signed by {@code signer}. */
    private void insertCheckpointSignedBy(SigningKey signer, long size) {
        CompactRange tree = new CompactRange();
        jdbc.queryForList("SELECT leaf_hash FROM ledger_tree_leaf ORDER BY leaf_index", String.class)
                .forEach(hash -> tree.append(Hashing.unhex(hash)));
        SignedCheckpoint signed = signer.sign(new Checkpoint(settings.origin(), size, tree.root(), FORGED_AT));
        jdbc.update("INSERT INTO ledger_checkpoint (tree_size, root_hash, signed_at, key_id, signature, note) "
                + "VALUES (?, ?, CURRENT_TIMESTAMP, ?, ?, ?)", size, Hashing.hex(tree.root()), signed.keyId(),
                Base64.getEncoder().encodeToString(signed.signature()), signed.line());
    }
}
