package org.programmeledger.ledger.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the ledger knew at a past recording time, each plan period as it read then, corrections applied.
 *
 * @param position the newest event included, 0 when the ledger held nothing then
 */
public record AsOfState(Instant at, long position, long events, List<Period> periods) {

    public record Item(int number, String title, String area, boolean newInPeriod, String status) {
    }

    public record Activity(String activityId, int item, String kind, String title, String date, boolean retracted) {
    }

    /** @param item null for a figure of the plan period itself */
    public record Figure(String figureId, Integer item, String activityId, String metric, BigDecimal value,
                         String qualifier, String statedAs, String unit, String side, boolean corrected) {
    }

    public record Period(String periodId, String label, String startsOn, String endsOn, List<Item> items,
                         List<Activity> activities, List<Figure> figures) {
    }
}
