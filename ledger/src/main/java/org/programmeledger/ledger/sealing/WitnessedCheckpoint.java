package org.programmeledger.ledger.sealing;

import org.programmeledger.ledger.proof.SignedCheckpoint;

/**
 * What a witness keeps of a checkpoint: its signed one-line form, the public key that verifies it, and the
 * ledger position of its last leaf, so that a ledger rewound below it can be told where.
 */
public record WitnessedCheckpoint(String checkpoint, String publicKey, long position) {

    public SignedCheckpoint signed() {
        return SignedCheckpoint.parseLine(checkpoint);
    }
}
