package org.programmeledger.ledger.api;

/** An event that records or changes a figure, of a plan period or of the programme: what it is about. */
public sealed interface FigureEvent permits FigureRecorded, FigureCorrected, AlternativeValueRecorded, ValueAdopted,
        ProgrammeFigureRecorded, ProgrammeAlternativeValueRecorded, ProgrammeValueAdopted {

    String figureId();
}
