package org.programmeledger.ledger.service;

import org.programmeledger.ledger.api.PeriodPublished;

/** A publication of a plan period as recorded, with when it was recorded. */
public record Publication(PeriodPublished published, String recordedAt) {

    public String periodId() {
        return published.periodId();
    }

    public int number() {
        return published.number();
    }

    public long position() {
        return published.position();
    }
}
