package org.programmeledger.ledger.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FIPS 180-2's test vectors, whichever way the bytes come in. */
class Sha256Test {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String NOTHING = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void hashesPartsAsOneMessage() {
        assertThat(Sha256.hexOf(bytes("abc"))).isEqualTo(ABC);
        assertThat(Sha256.hexOf(bytes("a"), bytes("bc"))).isEqualTo(ABC);
        assertThat(Sha256.hexOf()).isEqualTo(NOTHING);
    }

    @Test
    void hashesAFileLongerThanItsBuffer(@TempDir Path folder) throws Exception {
        Path file = Files.write(folder.resolve("a.bin"), bytes("abc".repeat(100_000)));
        assertThat(Sha256.hexOf(file)).isEqualTo(Sha256.hexOf(bytes("abc".repeat(100_000))));
        assertThat(Sha256.hexOf(Files.write(folder.resolve("abc.txt"), bytes("abc")))).isEqualTo(ABC);
    }

    @Test
    void readsBackTheHexItWrites() {
        assertThat(Sha256.unhex(" " + ABC + " ")).isEqualTo(Sha256.of(bytes("abc")));
        assertThat(Sha256.hex(Sha256.unhex(ABC))).isEqualTo(ABC);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
