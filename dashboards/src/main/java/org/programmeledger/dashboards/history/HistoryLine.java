package org.programmeledger.dashboards.history;

import org.programmeledger.analytics.aggregation.Bound;

/**
 * One recorded change as a history page shows it: when and by whom it was recorded, why, and what it changed from
 * and to. A figure's value is a {@link Bound} with its unit, so that a page can say it in the reader's language;
 * other changes (a title, an activity) are text as recorded.
 *
 * @param eventType    the class of the event's typed record, as the serializer and upcasters read it
 * @param subject      what it is about ("figure 2.1.1", "item 2", "activity 2.2")
 * @param user         who recorded it; null when the record names no one (an import of old events)
 * @param reason       why, as recorded; null when the event gives none
 * @param beforeValue  the figure's value before, or null
 * @param afterValue   the figure's value after, or null
 * @param beforeText   what a title or activity was before, or null
 * @param afterText    what it is after, or null
 */
public record HistoryLine(long position, Class<?> eventType, String subject, String recordedAt, String user,
                          String reason, Bound beforeValue, Bound afterValue, String unit, String beforeText,
                          String afterText) {

    /** The key of the pages' message that names the event in the reader's language. */
    public String messageKey() {
        return "event." + label();
    }

    /** The event's name where no message names it. */
    public String label() {
        return eventType.getSimpleName();
    }
}
