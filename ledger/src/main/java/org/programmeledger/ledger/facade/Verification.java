package org.programmeledger.ledger.facade;

import java.nio.file.Path;
import java.util.Optional;
import org.programmeledger.ledger.sealing.FolderWitness;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.service.VerifyReport;
import org.springframework.stereotype.Component;

/** Whether the ledger is intact, and the digests and checkpoints that let others check it later (docs/sealing.md). */
@Component
public class Verification {

    private final LedgerVerifier verifier;

    Verification(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    /** Seals what is committed, then verifies every event against the signed tree. */
    public VerifyReport verify() {
        return verifier.verify();
    }

    /** As {@link #verify()}, and also that the tree still passes through {@code digest}. */
    public VerifyReport verify(Digest digest) {
        return verifier.verify(digest);
    }

    /** The newest checkpoint, once every committed event is sealed. */
    public Digest digest() {
        return verifier.digest();
    }

    /** The tree as it stood once the event at {@code position} was sealed. */
    public Digest digestAt(long position) {
        return verifier.digestAt(position);
    }

    /** The public key that verifies the ledger's signed checkpoints. */
    public String publicKey() {
        return verifier.publicKey();
    }

    /** The public key that checks what {@code keyId} signed, the current key or one it retired. */
    public Optional<String> publicKey(String keyId) {
        return verifier.publicKey(keyId);
    }

    /**
     * Appends to {@code file}, as a witness line, the first signed checkpoint whose tree holds {@code position};
     * false when there is none.
     */
    public boolean witnessCheckpointCovering(long position, Path file) {
        return verifier.checkpointCovering(position).map(checkpoint -> {
            FolderWitness.append(file, checkpoint);
            return true;
        }).orElse(false);
    }
}
