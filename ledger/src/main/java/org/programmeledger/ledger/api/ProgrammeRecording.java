package org.programmeledger.ledger.api;

/** A command that records a fact of a programme itself: what a {@link RecordProgrammeBatch} may hold. */
public sealed interface ProgrammeRecording permits RecordProgrammeFigure, RecordProgrammeAlternativeValue,
        AdoptProgrammeValue {

    String programmeId();
}
