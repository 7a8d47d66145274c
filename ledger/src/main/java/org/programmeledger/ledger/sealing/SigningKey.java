package org.programmeledger.ledger.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * One key: its halves, an HMAC initialised with the authenticator key derived from it (copied for each use:
     * looking the algorithm up and initialising it per event was most of authenticating's cost), its id.
     */
    private record Entry(PrivateKey privateKey, PublicKey publicKey, Mac authenticator, String keyId) {

        static Entry of(PrivateKey privateKey, PublicKey publicKey) {
            try {
                Mac authenticator = Mac.getInstance("HmacSHA256");
                authenticator.init(new SecretKeySpec(Hashing.sha256(AUTHENTICATOR_LABEL, privateKey.getEncoded()),
                        "HmacSHA256"));
                return new Entry(privateKey, publicKey, authenticator, CheckpointKeys.keyId(publicKey));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has HmacSHA256", e);
            }
        }

        String text() {
            return CheckpointKeys.privateKeyText(privateKey) + "\n" + CheckpointKeys.publicKeyText(publicKey) + "\n";
        }
    }

    private final Path file;
    private volatile boolean sealedMarked;
    /** The current key first, then the retired ones, newest first: they still check what they signed. */
    private final List<Entry> keys;

    private SigningKey(Path file, List<Entry> keys) {
        this.file = file;
        this.keys = List.copyOf(keys);
    }

    private Entry current() {
        return keys.get(0);
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
        String text = Entry.of(pair.getPrivate(), pair.getPublic()).text();
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
            List<Entry> keys = new ArrayList<>();
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                keys.add(Entry.of(CheckpointKeys.parsePrivateKey(lines.get(i)),
                        CheckpointKeys.parsePublicKey(lines.get(i + 1))));
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("no key");
            }
            return new SigningKey(file, keys);
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

    /**
     * Makes a new current key; the previous ones stay in the file as retired, since the checkpoints and
     * authenticators they signed are still checked with them. The retiring key signs a rotation statement for the
     * new one, appended to the key's history ({@code <key file>.rotations}) before the key file is replaced
     * (atomically).
     */
    public static SigningKey rotate(Path file, Instant at) {
        SigningKey old = loadOrCreate(file);
        KeyPair pair = CheckpointKeys.generate();
        List<Entry> keys = new ArrayList<>();
        keys.add(Entry.of(pair.getPrivate(), pair.getPublic()));
        keys.addAll(old.keys);
        SigningKey rotated = new SigningKey(file, keys);
        rotated.appendRotation(KeyRotation.sign(pair.getPublic(), at, old.current().privateKey(),
                old.current().publicKey()));
        StringBuilder text = new StringBuilder();
        keys.forEach(key -> text.append(key.text()));
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            try {
                Files.createFile(next, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(next);
            }
            Files.writeString(next, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the signing key " + file, e);
        }
        return rotated;
    }

    /**
     * Notes beside the key file, where the database's users cannot reach, that the key has sealed a tree of its
     * ledger: from then on a tree found empty was removed, and the hash chain of release 1.4 is never carried over
     * (signed) again, whoever rewrote it.
     */
    public void markSealed() {
        if (sealedMarked) {
            return;
        }
        try {
            if (Files.notExists(sealedMarker())) {
                Files.writeString(sealedMarker(), "This key has sealed a tree of its ledger (docs/sealing.md).\n",
                        StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + sealedMarker(), e);
        }
        sealedMarked = true;
    }

    /** Whether the key (or one it replaced, in the same file) has sealed a tree of its ledger. */
    public boolean hasSealed() {
        return sealedMarked || Files.exists(sealedMarker());
    }

    private Path sealedMarker() {
        return file.resolveSibling(file.getFileName() + ".sealed");
    }

    /** Where the rotation statements are kept: public, beside the key file. */
    public Path rotationsFile() {
        return file.resolveSibling(file.getFileName() + ".rotations");
    }

    /**
     * The statement of each key that replaced another, oldest first (one fewer than the keys). A key rotated
     * before statements were kept gets one now, signed by the key it replaced, which is still in the file.
     */
    public List<KeyRotation> rotations(Instant now) {
        Map<String, KeyRotation> kept = new HashMap<>();
        try {
            if (Files.exists(rotationsFile())) {
                for (String line : Files.readAllLines(rotationsFile(), StandardCharsets.US_ASCII)) {
                    if (!line.isBlank()) {
                        KeyRotation rotation = KeyRotation.parseLine(line);
                        kept.put(rotation.keyId(), rotation);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key rotations " + rotationsFile(), e);
        }
        List<KeyRotation> rotations = new ArrayList<>();
        for (int i = keys.size() - 2; i >= 0; i--) {
            Entry key = keys.get(i);
            Entry retiring = keys.get(i + 1);
            KeyRotation rotation = kept.get(key.keyId());
            if (rotation == null) {
                rotation = KeyRotation.sign(key.publicKey(), now, retiring.privateKey(), retiring.publicKey());
                appendRotation(rotation);
            }
            rotations.add(rotation);
        }
        return rotations;
    }

    private void appendRotation(KeyRotation rotation) {
        try {
            Files.writeString(rotationsFile(), rotation.line() + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key rotation to " + rotationsFile(), e);
        }
    }

    /** The id of the first key, the one every rotation leads back to. */
    public String firstKeyId() {
        return keys.get(keys.size() - 1).keyId();
    }

    /** The public key with this id as base64 of its X.509 encoding, current or retired. */
    public Optional<String> publicKeyText(String keyId) {
        return publicKey(keyId).map(CheckpointKeys::publicKeyText);
    }

    /** The ids of the retired keys, newest first. */
    public List<String> retiredKeyIds() {
        return keys.subList(1, keys.size()).stream().map(Entry::keyId).toList();
    }

    /** The public half of the key with this id, current or retired. */
    public Optional<PublicKey> publicKey(String keyId) {
        return keys.stream().filter(key -> key.keyId().equals(keyId)).map(Entry::publicKey).findFirst();
    }

    /** Whether {@code mac} is the authenticator of {@code leafData} under the key with this id. */
    public boolean authenticates(String keyId, byte[] leafData, String mac) {
        Optional<Entry> key = keys.stream().filter(entry -> entry.keyId().equals(keyId)).findFirst();
        try {
            return key.isPresent() && mac != null && MessageDigest.isEqual(Hashing.unhex(mac),
                    mac(key.get(), leafData));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    /** Where the key is kept. */
    public Path file() {
        return file;
    }

    public String keyId() {
        return current().keyId();
    }

    public PublicKey publicKey() {
        return current().publicKey();
    }

    /** The public key as base64 of its X.509 encoding: what verifiers and witnesses are given. */
    public String publicKeyText() {
        return CheckpointKeys.publicKeyText(current().publicKey());
    }

    public SignedCheckpoint sign(Checkpoint checkpoint) {
        return SignedCheckpoint.sign(checkpoint, new KeyPair(current().publicKey(), current().privateKey()));
    }

    /** The event authenticator under the current key: HMAC-SHA256 of an event's canonical bytes, in hex. */
    public String authenticate(byte[] leafData) {
        return Hashing.hex(mac(current(), leafData));
    }

    private static byte[] mac(Entry key, byte[] leafData) {
        try {
            return ((Mac) key.authenticator().clone()).doFinal(leafData);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be copied", e);
        }
    }
}
