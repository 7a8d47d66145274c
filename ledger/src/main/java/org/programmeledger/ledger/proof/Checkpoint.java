package org.programmeledger.ledger.proof;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A log's head: its origin (which log), how many leaves it has and their root hash, and when that was
 * taken. The body is the text that is signed, in the style of a C2SP tlog-checkpoint:
 * {@code <origin>\n<tree size>\n<base64 root>\n<timestamp, ISO-8601 UTC>\n}.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, Instant timestamp) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(timestamp, "timestamp");
        if (origin.isEmpty() || origin.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("a checkpoint's origin is one word without spaces, not '" + origin + "'");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree has no negative size: " + treeSize);
        }
        if (rootHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a root hash has 32 bytes, not " + rootHash.length);
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String body() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + timestamp + "\n";
    }

    byte[] signedBytes() {
        return body().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a body written by {@link #body()}; anything else, even an equivalent spelling, is refused. */
    public static Checkpoint parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length != 5 || !lines[4].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint body has four lines, each ended by a newline");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]),
                    Instant.parse(lines[3]));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a checkpoint body: " + e.getMessage(), e);
        }
        if (!checkpoint.body().equals(body)) {
            throw new IllegalArgumentException("not a checkpoint body in its canonical form");
        }
        return checkpoint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && treeSize == that.treeSize
                && Arrays.equals(rootHash, that.rootHash) && timestamp.equals(that.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash), timestamp);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace('\n', ' ').strip() + "]";
    }
}
