package org.programmeledger.ledger.proof;

/**
 * The root of a growing list of leaf hashes kept in O(log n) memory: the roots of its perfect subtrees,
 * largest first, merged as soon as two of equal size meet (Trillian's "compact range").
 */
public final class CompactRange {

    private final byte[][] roots = new byte[Long.SIZE][];
    private final long[] sizes = new long[Long.SIZE];
    private int count;
    private long size;

    public void append(byte[] leafHash) {
        roots[count] = leafHash;
        sizes[count] = 1;
        count++;
        size++;
        while (count >= 2 && sizes[count - 1] == sizes[count - 2]) {
            roots[count - 2] = MerkleHash.node(roots[count - 2], roots[count - 1]);
            sizes[count - 2] *= 2;
            roots[--count] = null;
        }
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far (RFC 9162 §2.1.1), the empty root when there are none. */
    public byte[] root() {
        if (count == 0) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = roots[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            root = MerkleHash.node(roots[i], root);
        }
        return root;
    }
}
