package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** An activity was recorded; an unstated date is placed within its plan period. */
@Revision("1")
public record ActivityRecorded(String periodId, String activityId, int itemNumber, ActivityKind kind, String title,
                               List<String> organisers, List<String> supporters, ActivityMode mode, Extent date,
                               String source) {
}
