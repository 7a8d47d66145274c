package org.programmeledger.ledger.proof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of the RFC 9162 Merkle tree over a log's leaf hashes, and their verifiers.
 * Every subtree root is computed by streaming its range of leaves through a {@link CompactRange}, so a
 * proof reads each leaf at most once and holds O(log n) hashes, never the whole log.
 */
public final class MerkleTree {

    private final LeafHashes leaves;

    public MerkleTree(LeafHashes leaves) {
        this.leaves = leaves;
    }

    /** MTH of the first {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        requireSize(treeSize);
        return subtreeRoot(0, treeSize);
    }

    /** PATH(index, D[treeSize]) of RFC 9162 §2.1.3.1: the sibling hashes from the leaf up to the root. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        requireSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + treeSize + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, treeSize, proof);
        return proof;
    }

    /** PROOF(first, D[second]) of RFC 9162 §2.1.4.1, for 0 < first <= second; empty when they are equal. */
    public List<byte[]> consistencyProof(long first, long second) {
        requireSize(second);
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException(
                    "no consistency proof from a tree of " + first + " leaves to one of " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(first, 0, second, true, proof);
        return proof;
    }

    /** Proof hashes are appended leaf-side first, so recursion comes before this level's sibling. */
    private void path(long index, long start, long end, List<byte[]> proof) {
        long size = end - start;
        if (size == 1) {
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (index - start < split) {
            path(index, start, start + split, proof);
            proof.add(subtreeRoot(start + split, end));
        } else {
            path(index, start + split, end, proof);
            proof.add(subtreeRoot(start, start + split));
        }
    }

    private void subproof(long first, long start, long end, boolean firstIsWholeTree, List<byte[]> proof) {
        long size = end - start;
        if (first == size) {
            if (!firstIsWholeTree) {
                proof.add(subtreeRoot(start, end));
            }
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (first <= split) {
            subproof(first, start, start + split, firstIsWholeTree, proof);
            proof.add(subtreeRoot(start + split, end));
        } else {
            subproof(first - split, start + split, end, false, proof);
            proof.add(subtreeRoot(start, start + split));
        }
    }

    private byte[] subtreeRoot(long start, long end) {
        CompactRange range = new CompactRange();
        leaves.forEach(start, end, range::append);
        if (range.size() != end - start) {
            throw new IllegalStateException("the log gave " + range.size() + " leaf hashes for the "
                    + (end - start) + " leaves from " + start);
        }
        return range.root();
    }

    private void requireSize(long treeSize) {
        long available = leaves.size();
        if (treeSize < 0 || treeSize > available) {
            throw new IllegalArgumentException("the log has " + available + " leaves, not " + treeSize);
        }
    }

    /** The k of RFC 9162: the largest power of two smaller than {@code n}, for n > 1. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** RFC 9162 §2.1.3.2: whether {@code proof} leads from the leaf at {@code index} to {@code root}. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof,
            byte[] root) {
        if (index < 0 || index >= treeSize || !isHash(leafHash) || !allHashes(proof)) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 §2.1.4.2: whether {@code proof} shows the tree of {@code second} leaves with root
     * {@code secondRoot} extends the tree of {@code first} leaves with root {@code firstRoot}. Equal sizes
     * need an empty proof and equal roots; a proof from the empty tree proves nothing and is refused.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (first <= 0 || second < first || !allHashes(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean allHashes(List<byte[]> proof) {
        return proof.stream().allMatch(MerkleTree::isHash);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == MerkleHash.SIZE;
    }
}
