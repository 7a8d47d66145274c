package org.programmeledger.ledger.period;

import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;

/** The activities recorded in a plan period, and which of them were retracted. */
class ActivityRecords extends Recorded<String, ActivityRecords.Recording> {

    /** What the rules need of an activity's recording: its item, and its fingerprint, for a re-send. */
    record Recording(int itemNumber, Fingerprint fingerprint) {

        boolean isOf(ActivityRecorded event) {
            return fingerprint.equals(Fingerprint.of(event));
        }
    }

    ActivityRecords() {
        super("activity %s is not recorded in plan period %s");
    }

    boolean isRetracted(String activityId) {
        return isClosed(activityId);
    }

    void on(ActivityRecorded event) {
        record(event.activityId(), new Recording(event.itemNumber(), Fingerprint.of(event)));
    }

    void on(ActivityRetracted event) {
        close(event.activityId());
    }
}
