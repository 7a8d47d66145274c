package org.programmeledger.ledger.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The secretariat adopts one of a disputed programme fact's values (0 is the one first recorded), saying why. */
public record AdoptProgrammeValue(@TargetAggregateIdentifier String programmeId, String figureId, int valueNumber,
                                  String reason)
        implements ProgrammeRecording {
}
