package org.programmeledger.ledger.period;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.rules.Rules;

/** The activities recorded in a plan period, and which of them were retracted. */
class ActivityRecords {

    private final Map<String, ActivityRecorded> recorded = new HashMap<>();
    private final Set<String> retracted = new HashSet<>();

    /** The activity as recorded, or null when it is not. */
    ActivityRecorded recorded(String activityId) {
        return recorded.get(activityId);
    }

    ActivityRecorded require(String activityId, String periodId) {
        ActivityRecorded activity = recorded.get(activityId);
        Rules.require(activity != null, "activity " + activityId + " is not recorded in plan period " + periodId);
        return activity;
    }

    boolean isRetracted(String activityId) {
        return retracted.contains(activityId);
    }

    void on(ActivityRecorded event) {
        recorded.put(event.activityId(), event);
    }

    void on(ActivityRetracted event) {
        retracted.add(event.activityId());
    }
}
