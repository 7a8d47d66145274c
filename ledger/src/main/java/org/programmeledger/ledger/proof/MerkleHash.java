package org.programmeledger.ledger.proof;

import java.security.MessageDigest;
import org.programmeledger.ledger.hashing.Sha256;

/**
 * The hashes of an RFC 9162 Merkle tree (§2.1.1): SHA-256, with a 0x00 prefix for leaves and 0x01 for
 * interior nodes, so that no leaf can be passed off as a node (second-preimage resistance).
 */
public final class MerkleHash {

    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return Sha256.of();
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest digest = Sha256.digest();
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.digest();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

}
