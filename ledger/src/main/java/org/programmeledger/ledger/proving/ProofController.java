package org.programmeledger.ledger.proving;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.programmeledger.ledger.proof.HeldCheckpoint;
import org.programmeledger.ledger.service.BadRequest;
import org.programmeledger.ledger.service.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' proofs over HTTP (role AUDITOR, as all of /api/audit): the same files as 'bin/ledger prove'. */
@RestController
@Tag(name = "audit")
class ProofController {

    private final Prover prover;

    ProofController(Prover prover) {
        this.prover = prover;
    }

    @Operation(summary = "Inclusion proof of a figure's recording and corrections up to a publication, at the "
            + "publication's signed checkpoint (docs/proofs.md)")
    @GetMapping(path = "/api/audit/proofs/figure", produces = MediaType.APPLICATION_JSON_VALUE)
    String figure(@RequestParam String figure, @RequestParam int publication,
                  @RequestParam(required = false) String period) {
        try {
            return prover.figure(figure, publication, period).json();
        } catch (IllegalArgumentException e) {
            throw new BadRequest(List.of(new FieldProblem("figure", e.getMessage())));
        }
    }

    @Operation(summary = "Consistency proof from the signed checkpoint in the body (its one-line form, a proof "
            + "file or a witness line) to the ledger's newest checkpoint")
    // Sent as application/json like every POST (the cross-site guard refuses text/plain), whatever form it holds.
    @PostMapping(path = "/api/audit/proofs/consistency", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    String consistency(@RequestBody String checkpoint) {
        try {
            return prover.consistency(HeldCheckpoint.read(checkpoint)).json();
        } catch (IllegalArgumentException e) {
            throw new BadRequest(List.of(new FieldProblem("checkpoint", e.getMessage())));
        }
    }

    /** The ledger cannot prove what it should: not sealed yet, or changed after sealing. */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail unprovable(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
