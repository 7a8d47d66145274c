package org.programmeledger.ledger.api;

import java.util.List;

/**
 * What a batch of commands did, line by line: the lines refused (each with the reason a single command would
 * have been given) and the lines that recorded nothing because their events were already in the ledger.
 */
public record BatchOutcome(List<Refusal> refused, List<Long> alreadyRecorded) {

    /** A line whose command a rule of the ledger refused. */
    public record Refusal(long line, String reason) {
    }

    public BatchOutcome {
        refused = List.copyOf(refused);
        alreadyRecorded = List.copyOf(alreadyRecorded);
    }
}
