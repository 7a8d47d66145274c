package org.programmeledger.ledger.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What the ledger knew at a past recording time ("what did we report on 2022-07-01?"): the events
 * recorded up to that time, folded into the state of each plan period, corrections applied.
 */
@Component
public class AsOf {

    private final AuditTrail trail;

    AsOf(AuditTrail trail) {
        this.trail = trail;
    }

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

    /**
     * @param position the newest event included, 0 when the ledger held nothing then
     */
    public record State(Instant at, long position, long events, List<Period> periods) {
    }

    /** A time as auditors write it: a date means the end of that day (UTC), an instant is itself. */
    public static Instant parseTime(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
        }
        return Instant.parse(text);
    }

    /** The state of every plan period (or of the one named) as recorded up to and including {@code at}. */
    public State at(Instant at, String onlyPeriod) {
        return fold(entry -> !Instant.parse(entry.recordedAt()).isAfter(at), at, onlyPeriod);
    }

    /** The state of every plan period (or of the one named) up to and including ledger position {@code position}. */
    public State atPosition(long position, String onlyPeriod) {
        Instant[] last = {Instant.EPOCH};
        State state = fold(entry -> {
            if (entry.position() > position) {
                return false;
            }
            last[0] = Instant.parse(entry.recordedAt());
            return true;
        }, null, onlyPeriod);
        return new State(last[0], state.position(), state.events(), state.periods());
    }

    private State fold(Predicate<AuditEntry> included, Instant at, String onlyPeriod) {
        Map<String, Folding> periods = new TreeMap<>();
        long[] position = {0, 0};
        trail.all(entry -> {
            if (!included.test(entry)) {
                return;
            }
            position[0] = Math.max(position[0], entry.position());
            position[1]++;
            Map<String, Object> event = entry.payload();
            Object periodId = event.get("periodId");
            if (periodId == null || onlyPeriod != null && !onlyPeriod.equals(periodId)) {
                return;
            }
            periods.computeIfAbsent(periodId.toString(), id -> new Folding()).apply(entry.event(), event);
        });
        return new State(at, position[0], position[1], periods.entrySet().stream()
                .filter(period -> period.getValue().opened != null)
                .map(period -> period.getValue().toPeriod(period.getKey())).toList());
    }

    /** One plan period being rebuilt from its events. */
    private static final class Folding {
        private Map<String, Object> opened;
        private final Map<Integer, Item> items = new TreeMap<>();
        private final Map<String, Activity> activities = new TreeMap<>();
        private final Map<String, Figure> figures = new TreeMap<>();

        void apply(String event, Map<String, Object> e) {
            switch (event) {
                case "PlanPeriodOpened" -> opened = e;
                case "ItemRegistered" -> items.put(number(e, "number"), new Item(number(e, "number"), text(e, "title"),
                        text(e, "area"), Boolean.TRUE.equals(e.get("newInPeriod")), "REGISTERED"));
                case "ItemAmended" -> items.computeIfPresent(number(e, "number"), (n, item) ->
                        new Item(n, text(e, "title"), text(e, "area"), item.newInPeriod(), item.status()));
                case "ItemCompleted" -> items.computeIfPresent(number(e, "number"), (n, item) ->
                        new Item(n, item.title(), item.area(), item.newInPeriod(), "COMPLETED"));
                case "ActivityRecorded" -> activities.put(text(e, "activityId"), new Activity(text(e, "activityId"),
                        number(e, "itemNumber"), text(e, "kind"), text(e, "title"), describe(e.get("date")), false));
                case "ActivityRetracted" -> activities.computeIfPresent(text(e, "activityId"), (id, a) ->
                        new Activity(id, a.item(), a.kind(), a.title(), a.date(), true));
                case "FigureRecorded" -> figures.put(text(e, "figureId"), figure(e, text(e, "figureId"),
                        optionalNumber(e, "itemNumber"), text(e, "activityId"), text(e, "metric"), text(e, "unit"),
                        text(e, "side"), false));
                case "FigureCorrected" -> figures.computeIfPresent(text(e, "figureId"), (id, f) -> figure(e, id,
                        f.item(), f.activityId(), f.metric(), f.unit(), f.side(), true));
                default -> {
                }
            }
        }

        Period toPeriod(String periodId) {
            return new Period(periodId, text(opened, "label"), text(opened, "startsOn"), text(opened, "endsOn"),
                    new ArrayList<>(items.values()), new ArrayList<>(activities.values()),
                    new ArrayList<>(figures.values()));
        }

        private static Figure figure(Map<String, Object> e, String id, Integer item, String activityId,
                                     String metric, String unit, String side, boolean corrected) {
            BigDecimal value = FigureValues.normalise(new BigDecimal(e.get("value").toString()));
            BigDecimal high = e.get("valueHigh") == null ? null
                    : FigureValues.normalise(new BigDecimal(e.get("valueHigh").toString()));
            Qualifier qualifier = Qualifier.valueOf(text(e, "qualifier"));
            return new Figure(id, item, activityId, metric, value, qualifier.code(), qualifier.phrase(value, high),
                    unit, side, corrected);
        }

        private static String describe(Object extent) {
            return extent instanceof Map<?, ?> fields ? fields.get("start") + " to " + fields.get("end") : null;
        }

        private static int number(Map<String, Object> e, String field) {
            return ((Number) e.get(field)).intValue();
        }

        private static Integer optionalNumber(Map<String, Object> e, String field) {
            return e.get(field) == null ? null : number(e, field);
        }

        private static String text(Map<String, Object> e, String field) {
            Object value = e.get(field);
            return value == null ? null : value.toString();
        }
    }
}
