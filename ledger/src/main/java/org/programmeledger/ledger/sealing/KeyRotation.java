package org.programmeledger.ledger.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.programmeledger.ledger.proof.CheckpointKeys;

/**
 * A rotation statement: the retiring key's signature over the new key's id, its public key, the time it takes
 * over and the retiring key's id. Signed body, one field a line, each ended by {@code \n}:
 * {@code programme-ledger key rotation}, new key id, new public key (base64 X.509), valid from (ISO-8601),
 * previous key id. Written on one line as those four fields and the base64 signature, separated by spaces.
 */
public record KeyRotation(String keyId, String publicKey, Instant validFrom, String previousKeyId,
                          String signature) {

    private static final String HEADER = "programme-ledger key rotation";

    static KeyRotation sign(PublicKey newKey, Instant validFrom, PrivateKey retiring, PublicKey retiringPublic) {
        String keyId = CheckpointKeys.keyId(newKey);
        String publicKey = CheckpointKeys.publicKeyText(newKey);
        String previousKeyId = CheckpointKeys.keyId(retiringPublic);
        try {
            Signature signer = Signature.getInstance(CheckpointKeys.ALGORITHM);
            signer.initSign(retiring);
            signer.update(body(keyId, publicKey, validFrom, previousKeyId));
            return new KeyRotation(keyId, publicKey, validFrom, previousKeyId,
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the rotation statement: " + e.getMessage(), e);
        }
    }

    /** Whether {@code retiring} (base64 X.509) is the previous key and signed exactly this statement. */
    public boolean signedBy(String retiring) {
        try {
            PublicKey key = CheckpointKeys.parsePublicKey(retiring);
            if (!CheckpointKeys.keyId(key).equals(previousKeyId) || signature == null) {
                return false;
            }
            Signature verifier = Signature.getInstance(CheckpointKeys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(body(keyId, publicKey, validFrom, previousKeyId));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    String line() {
        return String.join(" ", keyId, publicKey, validFrom.toString(), previousKeyId, signature);
    }

    static KeyRotation parseLine(String line) {
        String[] fields = line.strip().split(" ");
        if (fields.length != 5) {
            throw new IllegalArgumentException("a rotation statement has 5 fields, not " + fields.length);
        }
        return new KeyRotation(fields[0], fields[1], Instant.parse(fields[2]), fields[3], fields[4]);
    }

    private static byte[] body(String keyId, String publicKey, Instant validFrom, String previousKeyId) {
        return (HEADER + "\n" + keyId + "\n" + publicKey + "\n" + validFrom + "\n" + previousKeyId + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
