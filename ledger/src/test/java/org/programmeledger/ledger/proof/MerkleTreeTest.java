package org.programmeledger.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.hashing.Sha256;

/** The tree against RFC 9162's own recursive definitions, written out naively here, and against CT's roots. */
class MerkleTreeTest {

    private static final int MAX_SIZE = 70;
    private static final HexFormat HEX = HexFormat.of();

    private final List<byte[]> leafData = leafData(MAX_SIZE);
    private final List<byte[]> leafHashes = leafData.stream().map(MerkleHash::leaf).toList();
    private final MerkleTree tree = new MerkleTree(LeafHashes.of(leafHashes));

    @Test
    void hashesLeavesAndNodesWithTheirPrefixes() {
        assertThat(HEX.formatHex(MerkleHash.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HEX.formatHex(MerkleHash.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        byte[] left = MerkleHash.leaf(new byte[0]);
        byte[] right = MerkleHash.leaf(new byte[] {0});
        assertThat(MerkleHash.node(left, right)).isEqualTo(sha256(concat(new byte[] {1}, left, right)));
    }

    /** Roots of the 8 reference leaves, from transparency-dev/merkle testonly/constants.go (RootHashes). */
    @Test
    void givesTheRootsCertificateTransparencyPublishesForItsReferenceLeaves() {
        List<String> leaves = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                "606162636465666768696a6b6c6d6e6f");
        List<String> roots = List.of(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        MerkleTree reference = new MerkleTree(LeafHashes.of(
                leaves.stream().map(HEX::parseHex).map(MerkleHash::leaf).toList()));
        CompactRange growing = new CompactRange();
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(reference.root(size))).as("root of %d leaves", size).isEqualTo(roots.get(size));
            assertThat(HEX.formatHex(growing.root())).as("compact range of %d leaves", size)
                    .isEqualTo(roots.get(size));
            if (size < 8) {
                growing.append(MerkleHash.leaf(HEX.parseHex(leaves.get(size))));
            }
        }
    }

    @Test
    void rootsMatchTheDefinitionForEverySize() {
        for (int size = 0; size <= MAX_SIZE; size++) {
            assertThat(tree.root(size)).as("MTH of %d leaves", size).isEqualTo(mth(leafData.subList(0, size)));
        }
    }

    @Test
    void inclusionProofsMatchTheDefinitionAndVerifyForEveryLeafOfEverySize() {
        for (int size = 1; size <= MAX_SIZE; size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertThat(proof).as("PATH(%d, D[%d])", index, size)
                        .containsExactlyElementsOf(path(index, leafData.subList(0, size)));
                assertThat(MerkleTree.verifyInclusion(leafHashes.get(index), index, size, proof, root))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void consistencyProofsMatchTheDefinitionAndVerifyForEveryPairOfSizes() {
        for (int second = 1; second <= MAX_SIZE; second++) {
            byte[] secondRoot = tree.root(second);
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = tree.consistencyProof(first, second);
                assertThat(proof).as("PROOF(%d, D[%d])", first, second)
                        .containsExactlyElementsOf(subproof(first, leafData.subList(0, second), true));
                assertThat(MerkleTree.verifyConsistency(first, second, tree.root(first), secondRoot, proof))
                        .as("%d to %d", first, second).isTrue();
            }
        }
    }

    @Test
    void refusesEveryInclusionProofWithOneBitFlippedOrAWrongLeafIndex() {
        for (int size = 1; size <= 33; size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                byte[] leaf = leafHashes.get(index);
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleTree.verifyInclusion(leaf, index, size, flipped(proof, i), root)).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(flip(leaf), index, size, proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, index, size, proof, flip(root))).isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, index + 1, size, proof, root)).isFalse();
                if (index > 0) {
                    assertThat(MerkleTree.verifyInclusion(leaf, index - 1, size, proof, root)).isFalse();
                }
            }
        }
    }

    @Test
    void refusesEveryConsistencyProofWithOneBitFlippedOrWrongRoots() {
        for (int second = 2; second <= 33; second++) {
            byte[] secondRoot = tree.root(second);
            for (int first = 1; first < second; first++) {
                byte[] firstRoot = tree.root(first);
                List<byte[]> proof = tree.consistencyProof(first, second);
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, flipped(proof, i)))
                            .isFalse();
                }
                assertThat(MerkleTree.verifyConsistency(first, second, flip(firstRoot), secondRoot, proof)).isFalse();
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, flip(secondRoot), proof)).isFalse();
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot,
                        proof.subList(0, proof.size() - 1))).isFalse();
                assertThat(MerkleTree.verifyConsistency(0, second, MerkleHash.emptyRoot(), secondRoot, List.of()))
                        .isFalse();
            }
        }
    }

    @Test
    void aLogThatRewroteAnEarlierLeafIsNotConsistentWithItsOldRoot() {
        List<byte[]> rewritten = new ArrayList<>(leafHashes);
        rewritten.set(5, MerkleHash.leaf("forged".getBytes(StandardCharsets.UTF_8)));
        MerkleTree forged = new MerkleTree(LeafHashes.of(rewritten));
        assertThat(MerkleTree.verifyConsistency(10, 40, tree.root(10), forged.root(40),
                forged.consistencyProof(10, 40))).isFalse();
        assertThat(MerkleTree.verifyInclusion(rewritten.get(5), 5, 40, forged.inclusionProof(5, 40), tree.root(40)))
                .isFalse();
    }

    @Test
    void readsEachLeafAtMostOncePerProofAndStreamsRanges() {
        AtomicLong reads = new AtomicLong();
        LeafHashes counted = new LeafHashes() {
            @Override
            public long size() {
                return leafHashes.size();
            }

            @Override
            public byte[] leafHash(long index) {
                throw new AssertionError("proofs read ranges, not single leaves");
            }

            @Override
            public void forEach(long from, long to, Consumer<byte[]> sink) {
                reads.addAndGet(to - from);
                leafHashes.subList((int) from, (int) to).forEach(sink);
            }
        };
        new MerkleTree(counted).inclusionProof(37, 70);
        assertThat(reads.get()).isEqualTo(69);
        reads.set(0);
        new MerkleTree(counted).consistencyProof(23, 70);
        assertThat(reads.get()).isLessThanOrEqualTo(70);
    }

    @Test
    void refusesProofsBeyondTheLog() {
        assertThatThrownBy(() -> tree.root(MAX_SIZE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    // RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1, transcribed literally over the leaf data.

    private static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return sha256(concat(new byte[] {0}, d.get(0)));
        }
        int k = k(n);
        return sha256(concat(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n))));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        if (n == 1) {
            return List.of();
        }
        int k = k(n);
        List<byte[]> result = new ArrayList<>();
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        if (m == n) {
            return b ? List.of() : List.of(mth(d));
        }
        int k = k(n);
        List<byte[]> result = new ArrayList<>();
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** The largest power of two smaller than n, found by counting rather than by bit tricks. */
    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static List<byte[]> leafData(int count) {
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            data.add(("event " + i).getBytes(StandardCharsets.UTF_8));
        }
        return data;
    }

    private static byte[] sha256(byte[] data) {
        return Sha256.of(data);
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static byte[] flip(byte[] hash) {
        byte[] flipped = hash.clone();
        flipped[7] ^= 0x10;
        return flipped;
    }

    private static List<byte[]> flipped(List<byte[]> proof, int at) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(at, flip(copy.get(at)));
        return copy;
    }
}
