package org.programmeledger.ledger.sealing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.RegisterSigningKey;
import org.programmeledger.ledger.api.SigningKeyRegistered;
import org.programmeledger.ledger.proof.CheckpointKeys;
import org.programmeledger.ledger.rules.Rules;

/**
 * The ledger's register of signing keys: the first key, then each key that replaced the one before it with
 * that key's signature, so the chain leads back to the first key an auditor was given.
 */
@Aggregate
public class SigningKeys {

    @AggregateIdentifier
    private String keys;
    /** Public keys (base64 X.509) by key id, in the order recorded. */
    private final Map<String, String> publicKeys = new LinkedHashMap<>();
    private String currentKeyId;

    protected SigningKeys() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterSigningKey command) {
        Rules.require(RegisterSigningKey.LEDGER_KEYS.equals(command.keys()),
                "signing keys are recorded in the register " + RegisterSigningKey.LEDGER_KEYS);
        Rules.require(CheckpointKeys.ALGORITHM.equals(command.algorithm()),
                "a signing key is " + CheckpointKeys.ALGORITHM + ", not " + command.algorithm());
        Rules.require(command.validFrom() != null, "a signing key needs the time it is valid from");
        String publicKey;
        try {
            publicKey = CheckpointKeys.publicKeyText(CheckpointKeys.parsePublicKey(command.publicKey()));
        } catch (IllegalArgumentException e) {
            throw new LedgerRuleViolation("signing key " + command.keyId() + ": " + e.getMessage());
        }
        Rules.require(CheckpointKeys.keyId(CheckpointKeys.parsePublicKey(publicKey)).equals(command.keyId()),
                "the key id " + command.keyId() + " is not the id of the public key given");
        if (publicKeys.containsKey(command.keyId())) {
            throw new LedgerRuleViolation("signing key " + command.keyId() + " is already recorded");
        }
        if (currentKeyId == null) {
            Rules.require(command.previousKeyId() == null, "signing key " + command.keyId() + " replaces key "
                    + command.previousKeyId() + ", which the ledger has not recorded: record the first key first");
        } else {
            Rules.require(currentKeyId.equals(command.previousKeyId()), "signing key " + command.keyId()
                    + " must replace the current key " + currentKeyId + " and carry its signature");
            KeyRotation rotation = new KeyRotation(command.keyId(), publicKey, command.validFrom(),
                    command.previousKeyId(), command.rotationSignature());
            Rules.require(rotation.signedBy(publicKeys.get(currentKeyId)), "the rotation to signing key "
                    + command.keyId() + " is not signed by the key it replaces, " + currentKeyId);
        }
        apply(new SigningKeyRegistered(command.keys(), command.keyId(), command.algorithm(), publicKey,
                command.validFrom(), command.previousKeyId(), command.rotationSignature()));
    }

    @EventSourcingHandler
    void on(SigningKeyRegistered event) {
        keys = event.keys();
        publicKeys.put(event.keyId(), event.publicKey());
        currentKeyId = event.keyId();
    }
}
