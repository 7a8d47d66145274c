package org.programmeledger.ledger.sealing;

import java.util.Optional;

/**
 * Somewhere outside the store's control that keeps each signed checkpoint, so that a rewritten or rewound
 * ledger no longer matches what was witnessed. One adapter per kind: a folder of JSON lines
 * ({@link FolderWitness}) today; an RFC 3161 timestamp authority, a second server or a git repository would
 * implement the same two methods.
 */
public interface Witness {

    /** Hands over a checkpoint the sequencer has just signed and committed. */
    void witness(WitnessedCheckpoint checkpoint);

    /** The newest checkpoint this witness holds, if it can tell. */
    Optional<WitnessedCheckpoint> newest();

    /** Where this witness keeps checkpoints, as verify names it. */
    String describe();
}
