package org.programmeledger.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verifiers against the probes transparency-dev/merkle publishes for RFC 6962 logs (testdata/inclusion and
 * testdata/consistency, copied to src/test/resources/proof/ct-vectors, see SOURCE.md there): each file is a
 * proof that must verify ("wantErr": false) or a mutation of one that must not.
 */
class CertificateTransparencyVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> inclusionProbes() throws IOException, URISyntaxException {
        return probes("inclusion");
    }

    static Stream<Path> consistencyProbes() throws IOException, URISyntaxException {
        return probes("consistency");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionProbes")
    void inclusionProbe(Path file) throws IOException {
        JsonNode probe = JSON.readTree(file.toFile());
        Long index = uint64(probe.get("leafIdx"));
        Long treeSize = uint64(probe.get("treeSize"));
        boolean verifies = index != null && treeSize != null && MerkleTree.verifyInclusion(
                bytes(probe.get("leafHash")), index, treeSize, hashes(probe.get("proof")), bytes(probe.get("root")));
        assertThat(verifies).as(probe.get("desc").asText()).isEqualTo(!probe.get("wantErr").asBoolean());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyProbes")
    void consistencyProbe(Path file) throws IOException {
        JsonNode probe = JSON.readTree(file.toFile());
        Long first = uint64(probe.get("size1"));
        Long second = uint64(probe.get("size2"));
        boolean verifies = first != null && second != null && MerkleTree.verifyConsistency(first, second,
                bytes(probe.get("root1")), bytes(probe.get("root2")), hashes(probe.get("proof")));
        assertThat(verifies).as(probe.get("desc").asText()).isEqualTo(!probe.get("wantErr").asBoolean());
    }

    @Test
    void thereAreProbesOfBothKindsWithHappyPaths() throws IOException, URISyntaxException {
        assertThat(inclusionProbes().count()).isGreaterThan(90);
        assertThat(consistencyProbes().count()).isGreaterThan(90);
    }

    private static Stream<Path> probes(String kind) throws IOException, URISyntaxException {
        Path root = Path.of(CertificateTransparencyVectorsTest.class.getResource("/proof/ct-vectors/" + kind).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /** Go's uint64 sizes; one beyond Java's long (a mutated index) cannot name a leaf of any real tree. */
    private static Long uint64(JsonNode number) {
        BigInteger value = number.bigIntegerValue();
        return value.bitLength() < Long.SIZE ? value.longValue() : null;
    }

    private static byte[] bytes(JsonNode base64) {
        return Base64.getDecoder().decode(base64.asText());
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        if (proof != null && !proof.isNull()) {
            proof.forEach(hash -> hashes.add(bytes(hash)));
        }
        return hashes;
    }
}
