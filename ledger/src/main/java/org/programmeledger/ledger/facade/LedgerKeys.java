package org.programmeledger.ledger.facade;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.programmeledger.ledger.sealing.SigningKey;
import org.programmeledger.ledger.sealing.SigningKeyRegistrar;
import org.springframework.stereotype.Component;

/** The key that signs the ledger's checkpoints, and its record in the ledger (docs/sealing.md). */
@Component
public class LedgerKeys {

    private final SigningKeyRegistrar registrar;
    private final SigningKey key;

    LedgerKeys(SigningKeyRegistrar registrar, SigningKey key) {
        this.registrar = registrar;
        this.key = key;
    }

    /** Replaces the key in {@code file} by a new one; the old one is kept, retired, to verify older checkpoints. */
    public static void rotate(Path file, Instant at) {
        SigningKey.rotate(file, at);
    }

    /** Records the current key (and those it replaced) in the ledger if not yet; returns the position recording it. */
    public long register() {
        return registrar.registerKeys().position();
    }

    public String keyId() {
        return key.keyId();
    }

    public List<String> retiredKeyIds() {
        return key.retiredKeyIds();
    }

    public String publicKeyText() {
        return key.publicKeyText();
    }

    public Path file() {
        return key.file();
    }
}
