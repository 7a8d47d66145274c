package org.programmeledger.ledger.api;

import org.axonframework.serialization.Revision;

/**
 * An item's title or area was amended; the previous ones are kept for the audit trail.
 *
 * @param publication the latest publication of the period this corrects, or null when none was published
 */
@Revision("1")
public record ItemAmended(String periodId, int number, String previousTitle, String previousArea, String title,
                          String area, String reason, Integer publication) implements ExplainedEvent {
}
