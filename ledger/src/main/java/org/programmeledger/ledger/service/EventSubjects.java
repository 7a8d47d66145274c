package org.programmeledger.ledger.service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.api.ExplainedEvent;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureEvent;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.ItemCompleted;
import org.programmeledger.ledger.api.ItemRegistered;

/**
 * What a recorded event is about, read from its typed {@code api} record: the figure, activity or item the
 * audit trail, the changes since a publication and the history pages group events by.
 */
public final class EventSubjects {

    private EventSubjects() {
    }

    /**
     * "figure F", "activity A" or "item N", or null for the rest. A publication has a number too, but it is the
     * publication's, not an item's.
     */
    public static String of(Object event) {
        String figure = figureId(event);
        if (figure != null) {
            return "figure " + figure;
        }
        String activity = activityId(event);
        if (activity != null) {
            return "activity " + activity;
        }
        Integer item = event instanceof ItemRegistered registered ? Integer.valueOf(registered.number())
                : event instanceof ItemAmended amended ? Integer.valueOf(amended.number())
                : event instanceof ItemCompleted completed ? Integer.valueOf(completed.number()) : null;
        return item == null ? null : "item " + item;
    }

    /** Whether the event corrects, amends or retracts the record of its subject. */
    public static boolean corrects(Object event) {
        return event instanceof FigureCorrected || event instanceof ActivityRetracted || event instanceof ItemAmended;
    }

    /** Whether the event is about item {@code number}: the item itself, or one of its activities or figures. */
    public static boolean concernsItem(Object event, int number) {
        return ("item " + number).equals(of(event)) || Objects.equals(itemNumber(event), number);
    }

    /** The item an activity or a figure belongs to, or null. */
    public static Integer itemNumber(Object event) {
        return event instanceof ActivityRecorded recorded ? Integer.valueOf(recorded.itemNumber())
                : event instanceof ActivityRetracted retracted ? Integer.valueOf(retracted.itemNumber())
                : event instanceof FigureRecorded figure ? figure.itemNumber()
                : event instanceof FigureCorrected corrected ? corrected.itemNumber() : null;
    }

    /** The figure (of a plan period or of the programme) the event records or changes, or null. */
    public static String figureId(Object event) {
        return event instanceof FigureEvent figure ? figure.figureId() : null;
    }

    /** The activity the event records or retracts, or that a figure was recorded for; null for the rest. */
    public static String activityId(Object event) {
        return event instanceof ActivityRecorded recorded ? recorded.activityId()
                : event instanceof ActivityRetracted retracted ? retracted.activityId()
                : event instanceof FigureRecorded figure ? figure.activityId() : null;
    }

    /** Whether the event names the organisation as a lead or participant of an item, an organiser or supporter. */
    public static boolean namesOrganisation(Object event, String organisationId) {
        if (event instanceof ItemRegistered item) {
            return names(item.leadOrganisations(), organisationId)
                    || names(item.participatingOrganisations(), organisationId);
        }
        if (event instanceof ActivityRecorded activity) {
            return names(activity.organisers(), organisationId) || names(activity.supporters(), organisationId);
        }
        return false;
    }

    private static boolean names(List<String> organisations, String organisationId) {
        return organisations != null && organisations.contains(organisationId);
    }

    /** The reason a correction, amendment, retraction or adoption gives, or null. */
    public static String reason(Object event) {
        return event instanceof ExplainedEvent explained ? explained.reason() : null;
    }

    /** The events ordered so that each correction follows the record it corrects, then by position. */
    public static List<RecordedEvent> anchored(List<RecordedEvent> events) {
        Map<String, Long> recordedAt = new HashMap<>();
        for (RecordedEvent event : events) {
            String subject = of(event.payload());
            if (subject != null && !corrects(event.payload())) {
                recordedAt.putIfAbsent(subject, event.position());
            }
        }
        return events.stream().sorted(Comparator.comparingLong((RecordedEvent event) -> corrects(event.payload())
                        ? recordedAt.getOrDefault(of(event.payload()), event.position()) : event.position())
                .thenComparingLong(RecordedEvent::position)).toList();
    }
}
