package org.programmeledger.ledger.proof;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A checkpoint with the Ed25519 signature of its body's UTF-8 bytes and the id of the signing key.
 * Its one-line form, for tables, witness files and proof files, is six fields separated by single spaces:
 * {@code <origin> <tree size> <base64 root> <timestamp> <key id> <base64 signature>}.
 */
public record SignedCheckpoint(Checkpoint checkpoint, String keyId, byte[] signature) {

    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        if (!keyId.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("a key id is 8 lower-case hex characters, not '" + keyId + "'");
        }
        signature = signature.clone();
    }

    public static SignedCheckpoint sign(Checkpoint checkpoint, KeyPair keys) {
        try {
            Signature signer = Signature.getInstance(CheckpointKeys.ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(checkpoint.signedBytes());
            return new SignedCheckpoint(checkpoint, CheckpointKeys.keyId(keys.getPublic()), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** Whether this was signed by the private half of {@code publicKey}, over exactly this checkpoint. */
    public boolean verifies(PublicKey publicKey) {
        if (!keyId.equals(CheckpointKeys.keyId(publicKey))) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(CheckpointKeys.ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(checkpoint.signedBytes());
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String line() {
        Base64.Encoder base64 = Base64.getEncoder();
        return String.join(" ", checkpoint.origin(), Long.toString(checkpoint.treeSize()),
                base64.encodeToString(checkpoint.rootHash()), checkpoint.timestamp().toString(), keyId,
                base64.encodeToString(signature));
    }

    /** Reads a line written by {@link #line()}; it does not check the signature (see {@link #verifies}). */
    public static SignedCheckpoint parseLine(String line) {
        String[] fields = line.strip().split(" ", -1);
        if (fields.length != 6) {
            throw new IllegalArgumentException("a signed checkpoint is 6 fields separated by spaces, not "
                    + fields.length);
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            SignedCheckpoint signed = new SignedCheckpoint(new Checkpoint(fields[0], Long.parseLong(fields[1]),
                    base64.decode(fields[2]), Instant.parse(fields[3])), fields[4], base64.decode(fields[5]));
            if (!signed.line().equals(line.strip())) {
                throw new IllegalArgumentException("not in its canonical form");
            }
            return signed;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a signed checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint that && checkpoint.equals(that.checkpoint)
                && keyId.equals(that.keyId) && MessageDigest.isEqual(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpoint, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + line() + "]";
    }
}
