package org.programmeledger.ledger.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A public key that signs the ledger's checkpoints was recorded: the first one, or one that replaced the
 * previous key with that key's signature over the rotation statement (see {@link RegisterSigningKey}).
 */
@Revision("1")
public record SigningKeyRegistered(String keys, String keyId, String algorithm, String publicKey, Instant validFrom,
                                   String previousKeyId, String rotationSignature) {

    public boolean rotation() {
        return previousKeyId != null;
    }
}
