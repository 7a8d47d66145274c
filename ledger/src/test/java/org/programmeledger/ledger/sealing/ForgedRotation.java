package org.programmeledger.ledger.sealing;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.programmeledger.ledger.api.RegisterSigningKey;
import org.programmeledger.ledger.api.SigningKeyRegistered;

/**
 * Appends a key rotation to the register's stream as the ledger's own writer would, past the register's rule
 * that the retiring key must have signed it: what verify must catch on its own.
 */
final class ForgedRotation {

    private ForgedRotation() {
    }

    static void append(EventStore eventStore, KeyRotation rotation) {
        String keys = RegisterSigningKey.LEDGER_KEYS;
        long next = eventStore.lastSequenceNumberFor(keys).orElse(-1L) + 1;
        eventStore.publish(new GenericDomainEventMessage<>(SigningKeys.class.getSimpleName(), keys, next,
                new SigningKeyRegistered(keys, rotation.keyId(), "Ed25519", rotation.publicKey(), rotation.validFrom(),
                        rotation.previousKeyId(), rotation.signature())));
    }
}
