package org.programmeledger.ledger.sealing;

import java.security.KeyPair;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.RegisterSigningKey;
import org.programmeledger.ledger.api.SigningKeyRegistered;
import org.programmeledger.ledger.proof.CheckpointKeys;

/** The register of the ledger's signing keys: a first key, then rotations each signed by the key they replace. */
class SigningKeysTest {

    private static final String KEYS = RegisterSigningKey.LEDGER_KEYS;
    private static final Instant FIRST_USE = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant ROTATED_AT = Instant.parse("2026-11-30T09:00:00Z");
    private static final KeyPair FIRST = CheckpointKeys.generate();
    private static final KeyPair SECOND = CheckpointKeys.generate();
    private static final KeyPair STRANGER = CheckpointKeys.generate();

    private AggregateTestFixture<SigningKeys> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SigningKeys.class);
    }

    private static String id(KeyPair key) {
        return CheckpointKeys.keyId(key.getPublic());
    }

    private static String text(KeyPair key) {
        return CheckpointKeys.publicKeyText(key.getPublic());
    }

    private static SigningKeyRegistered firstRegistered() {
        return new SigningKeyRegistered(KEYS, id(FIRST), "Ed25519", text(FIRST), FIRST_USE, null, null);
    }

    private static RegisterSigningKey rotation(KeyPair next, KeyPair signer, KeyPair claimedPrevious) {
        KeyRotation statement = KeyRotation.sign(next.getPublic(), ROTATED_AT, signer.getPrivate(),
                claimedPrevious.getPublic());
        return new RegisterSigningKey(KEYS, statement.keyId(), "Ed25519", statement.publicKey(), ROTATED_AT,
                statement.previousKeyId(), statement.signature());
    }

    @Test
    void recordsTheFirstKey() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSigningKey(KEYS, id(FIRST), "Ed25519", text(FIRST), FIRST_USE, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(firstRegistered());
    }

    @Test
    void recordsARotationSignedByTheKeyItReplaces() {
        RegisterSigningKey rotate = rotation(SECOND, FIRST, FIRST);
        fixture.given(firstRegistered())
                .when(rotate)
                .expectEvents(new SigningKeyRegistered(KEYS, id(SECOND), "Ed25519", text(SECOND), ROTATED_AT,
                        id(FIRST), rotate.rotationSignature()));
    }

    @Test
    void refusesAKeyAlreadyRecorded() {
        fixture.given(firstRegistered())
                .when(new RegisterSigningKey(KEYS, id(FIRST), "Ed25519", text(FIRST), ROTATED_AT, id(FIRST), "x"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("signing key " + id(FIRST) + " is already recorded")
                .expectNoEvents();
    }

    @Test
    void refusesASecondKeyThatDoesNotNameTheKeyItReplaces() {
        fixture.given(firstRegistered())
                .when(new RegisterSigningKey(KEYS, id(SECOND), "Ed25519", text(SECOND), ROTATED_AT, null, null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("signing key " + id(SECOND) + " must replace the current key " + id(FIRST)
                        + " and carry its signature")
                .expectNoEvents();
    }

    @Test
    void refusesARotationNotSignedByTheKeyItReplaces() {
        fixture.given(firstRegistered())
                .when(rotation(SECOND, STRANGER, FIRST))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the rotation to signing key " + id(SECOND) + " is not signed by the key it "
                        + "replaces, " + id(FIRST))
                .expectNoEvents();
    }

    @Test
    void refusesARotationBeforeAnyKeyIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(rotation(SECOND, FIRST, FIRST))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("signing key " + id(SECOND) + " replaces key " + id(FIRST)
                        + ", which the ledger has not recorded: record the first key first")
                .expectNoEvents();
    }

    @Test
    void refusesAKeyIdThatIsNotThePublicKeys() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSigningKey(KEYS, id(SECOND), "Ed25519", text(FIRST), FIRST_USE, null, null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the key id " + id(SECOND) + " is not the id of the public key given")
                .expectNoEvents();
    }
}
