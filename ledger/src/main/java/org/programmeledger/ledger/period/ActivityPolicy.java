package org.programmeledger.ledger.period;

import static org.programmeledger.ledger.period.RecordingChecks.listOrEmpty;

import java.util.List;
import java.util.Optional;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.registry.Registry;
import org.programmeledger.ledger.rules.Rules;

/**
 * The rules of a plan period's activities: an activity lies within its period, under a registered item that is
 * not completed, organised by registered organisations; one recorded in error is retracted, never changed.
 */
final class ActivityPolicy {

    private ActivityPolicy() {
    }

    static Optional<ActivityRecorded> record(RecordActivity command, PlanPeriodOpened period, ItemRecords items,
                                             ActivityRecords activities, Registry registry) {
        Rules.requireText(command.activityId(), "activity id");
        items.require(command.itemNumber(), period.periodId());
        Rules.require(command.kind() != null, "the kind of activity " + command.activityId() + " is required");
        Rules.require(command.mode() != null, "the mode of activity " + command.activityId() + " is required");
        Rules.requireText(command.title(), "the title of activity " + command.activityId());
        List<String> organisers = listOrEmpty(command.organisers());
        List<String> supporters = listOrEmpty(command.supporters());
        RecordingChecks.requireKnown(registry, organisers, supporters);
        Extent date = RecordingChecks.requireExtent(command.date(), "activity " + command.activityId());
        Rules.require(date.precision() == DatePrecision.UNSTATED
                        || date.liesWithin(period.startsOn(), period.endsOn()),
                () -> "activity " + command.activityId() + " is dated " + date.describe() + ", outside plan period "
                        + RecordingChecks.describe(period));
        ActivityRecorded wanted = new ActivityRecorded(period.periodId(), command.activityId(), command.itemNumber(),
                command.kind(), command.title().trim(), organisers, supporters, command.mode(),
                date.placedWithin(period.startsOn(), period.endsOn()), command.source());
        ActivityRecords.Recording existing = activities.recorded(command.activityId());
        if (existing != null) {
            Rules.require(existing.isOf(wanted), "activity " + command.activityId()
                    + " is already recorded with other details; retract it and record a new one");
            return Optional.empty();
        }
        Rules.require(!items.isCompleted(command.itemNumber()),
                "item " + command.itemNumber() + " is completed and takes no new activities");
        return Optional.of(wanted);
    }

    static ActivityRetracted retract(RetractActivity command, String periodId, ActivityRecords activities,
                                     Integer latestPublication) {
        ActivityRecords.Recording activity = activities.require(command.activityId(), periodId);
        Rules.requireText(command.reason(), "the reason for retracting activity " + command.activityId());
        Rules.require(!activities.isRetracted(command.activityId()),
                "activity " + command.activityId() + " is already retracted");
        return new ActivityRetracted(periodId, command.activityId(), activity.itemNumber(), command.reason().trim(),
                latestPublication);
    }
}
