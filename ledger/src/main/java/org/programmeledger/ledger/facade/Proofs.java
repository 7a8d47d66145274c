package org.programmeledger.ledger.facade;

import org.programmeledger.ledger.proof.ProofFile;
import org.programmeledger.ledger.proof.SignedCheckpoint;
import org.programmeledger.ledger.proving.Prover;
import org.springframework.stereotype.Component;

/** Proofs for auditors from the sealed tree (docs/proofs.md); each is checked before it is handed out. */
@Component
public class Proofs {

    private final Prover prover;

    Proofs(Prover prover) {
        this.prover = prover;
    }

    /** That figure {@code figureId}'s events are in the ledger at publication {@code number}'s checkpoint. */
    public ProofFile figure(String figureId, int number, String periodId) {
        return prover.figure(figureId, number, periodId);
    }

    /** That today's ledger extends the checkpoint an auditor holds. */
    public ProofFile consistency(SignedCheckpoint held) {
        return prover.consistency(held);
    }
}
