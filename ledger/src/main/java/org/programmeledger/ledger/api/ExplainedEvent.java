package org.programmeledger.ledger.api;

/** A correction, amendment, retraction or adoption, which gives its reason (null for none given). */
public sealed interface ExplainedEvent permits FigureCorrected, ActivityRetracted, ItemAmended, ValueAdopted,
        ProgrammeValueAdopted, MetricAmended {

    String reason();
}
