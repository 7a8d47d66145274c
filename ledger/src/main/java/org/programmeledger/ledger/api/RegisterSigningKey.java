package org.programmeledger.ledger.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a public key that signs the ledger's checkpoints (docs/sealing.md). The first key has no previous key;
 * every later one names the key it replaces and carries that key's signature over the rotation statement
 * (new key id, new public key, valid from, previous key id), so a chain of keys leads back to the first.
 *
 * @param keys              the one register of the ledger's keys: {@link #LEDGER_KEYS}
 * @param publicKey         base64 of the key's X.509 encoding
 * @param previousKeyId     the key this one replaces; null for the first key
 * @param rotationSignature base64 Ed25519 signature of the rotation statement by the previous key; null for the first
 */
public record RegisterSigningKey(@TargetAggregateIdentifier String keys, String keyId, String algorithm,
                                 String publicKey, Instant validFrom, String previousKeyId, String rotationSignature) {

    /** The identifier of the ledger's register of signing keys: there is one per ledger. */
    public static final String LEDGER_KEYS = "ledger-signing-keys";
}
