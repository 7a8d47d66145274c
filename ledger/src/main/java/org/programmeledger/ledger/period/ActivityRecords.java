package org.programmeledger.ledger.period;

import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;

/** The activities recorded in a plan period, and which of them were retracted. */
class ActivityRecords extends Recorded<String, ActivityRecorded> {

    ActivityRecords() {
        super("activity %s is not recorded in plan period %s");
    }

    boolean isRetracted(String activityId) {
        return isClosed(activityId);
    }

    void on(ActivityRecorded event) {
        record(event.activityId(), event);
    }

    void on(ActivityRetracted event) {
        close(event.activityId());
    }
}
