package org.programmeledger.ledger.api;

import org.axonframework.serialization.Revision;

/** An activity recorded in error was retracted, with the reason. */
@Revision("1")
public record ActivityRetracted(String periodId, String activityId, int itemNumber, String reason) {
}
