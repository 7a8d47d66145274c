package org.programmeledger.ledger.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.programmeledger.ledger.proof.Checkpoint;
import org.programmeledger.ledger.proof.CheckpointKeys;
import org.programmeledger.ledger.proof.SignedCheckpoint;

/**
 * The ledger's Ed25519 key, kept in a file outside the store that only its owner may read. It signs
 * checkpoints; a second key derived from it authenticates each event as it is appended. Whoever can write
 * the database but cannot read this file can neither sign a checkpoint nor authenticate an event.
 * The file holds two lines: the private key (PKCS#8) and the public key (X.509), both in base64.
 */
public final class SigningKey {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final byte[] AUTHENTICATOR_LABEL = "programme-ledger event authenticator v1\n"
            .getBytes(StandardCharsets.UTF_8);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final SecretKeySpec authenticatorKey;
    private final String keyId;
    private final Path file;

    private SigningKey(Path file, PrivateKey privateKey, PublicKey publicKey) {
        this.file = file;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.authenticatorKey = new SecretKeySpec(Hashing.sha256(AUTHENTICATOR_LABEL, privateKey.getEncoded()),
                "HmacSHA256");
        this.keyId = CheckpointKeys.keyId(publicKey);
    }

    /** The key in {@code file}, created there (owner-only) when there is none. */
    public static SigningKey loadOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        KeyPair pair = CheckpointKeys.generate();
        String text = CheckpointKeys.privateKeyText(pair.getPrivate()) + "\n"
                + CheckpointKeys.publicKeyText(pair.getPublic()) + "\n";
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException another) {
            return;
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static SigningKey read(Path file) throws IOException {
        if (!ownerOnly(file)) {
            throw new IllegalStateException("the signing key " + file + " may be read by others than its owner: "
                    + "chmod 600 it");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        try {
            return new SigningKey(file, CheckpointKeys.parsePrivateKey(lines.get(0)),
                    CheckpointKeys.parsePublicKey(lines.get(1)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the signing key " + file + " is not a Programme Ledger key file", e);
        }
    }

    private static boolean ownerOnly(Path file) throws IOException {
        try {
            return OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file));
        } catch (UnsupportedOperationException notPosix) {
            return true;
        }
    }

    /** Where the key is kept. */
    public Path file() {
        return file;
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as base64 of its X.509 encoding: what verifiers and witnesses are given. */
    public String publicKeyText() {
        return CheckpointKeys.publicKeyText(publicKey);
    }

    public SignedCheckpoint sign(Checkpoint checkpoint) {
        return SignedCheckpoint.sign(checkpoint, new KeyPair(publicKey, privateKey));
    }

    /** The event authenticator: HMAC-SHA256 of an event's canonical bytes, in hex. */
    public String authenticate(byte[] leafData) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(authenticatorKey);
            return Hashing.hex(mac.doFinal(leafData));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
