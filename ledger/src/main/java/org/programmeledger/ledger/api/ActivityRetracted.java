package org.programmeledger.ledger.api;

import org.axonframework.serialization.Revision;

/**
 * An activity recorded in error was retracted, with the reason.
 *
 * @param publication the latest publication of the period this corrects, or null when none was published
 */
@Revision("1")
public record ActivityRetracted(String periodId, String activityId, int itemNumber, String reason,
                                Integer publication) implements ExplainedEvent {
}
