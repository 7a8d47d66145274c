package org.programmeledger.ledger.api;

/** Where a plan period stands on the way to publication. */
public enum PeriodStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    PUBLISHED
}
