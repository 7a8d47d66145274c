package org.programmeledger.ledger.api;

/**
 * A command that records something in a plan period (not one of its publication steps): what a
 * {@link RecordPlanPeriodBatch} may hold.
 */
public sealed interface PlanPeriodRecording permits RegisterItem, AmendItem, CompleteItem, RecordActivity,
        RetractActivity, RecordFigure, RecordAlternativeValue, AdoptValue, CorrectFigure {

    String periodId();
}
