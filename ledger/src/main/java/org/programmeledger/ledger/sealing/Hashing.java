package org.programmeledger.ledger.sealing;

import org.programmeledger.ledger.hashing.Sha256;

/** Sealing's short names for {@link Sha256}. */
final class Hashing {

    private Hashing() {
    }

    static byte[] sha256(byte[]... parts) {
        return Sha256.of(parts);
    }

    static String hex(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    static byte[] unhex(String hex) {
        return Sha256.unhex(hex);
    }
}
