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
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.ItemCompleted;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.store.LedgerEvents;
import org.programmeledger.ledger.service.AsOfState;
import org.programmeledger.ledger.service.AsOfState.Activity;
import org.programmeledger.ledger.service.AsOfState.Figure;
import org.programmeledger.ledger.service.AsOfState.Item;
import org.programmeledger.ledger.service.AsOfState.Period;
import org.programmeledger.ledger.service.RecordedEvent;
import org.springframework.stereotype.Component;

/**
 * What the ledger knew at a past recording time ("what did we report on 2022-07-01?"): the events
 * recorded up to that time, read as typed records, folded into the state of each plan period, corrections applied.
 */
@Component
public class AsOf {

    private final LedgerEvents events;

    AsOf(LedgerEvents events) {
        this.events = events;
    }

    /** A time as auditors write it: a date means the end of that day (UTC), an instant is itself. */
    public static Instant parseTime(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
        }
        return Instant.parse(text);
    }

    /** The state of every plan period (or of the one named) as recorded up to and including {@code at}. */
    public AsOfState at(Instant at, String onlyPeriod) {
        return fold(event -> !event.recordedAt().isAfter(at), at, onlyPeriod);
    }

    /** The state of every plan period (or of the one named) up to and including ledger position {@code position}. */
    public AsOfState atPosition(long position, String onlyPeriod) {
        Instant[] last = {Instant.EPOCH};
        AsOfState state = fold(event -> {
            if (event.position() > position) {
                return false;
            }
            last[0] = event.recordedAt();
            return true;
        }, null, onlyPeriod);
        return new AsOfState(last[0], state.position(), state.events(), state.periods());
    }

    private AsOfState fold(Predicate<RecordedEvent> included, Instant at, String onlyPeriod) {
        Map<String, Folding> periods = new TreeMap<>();
        long[] position = {0, 0};
        events.inOrder(event -> {
            if (!included.test(event)) {
                return;
            }
            position[0] = Math.max(position[0], event.position());
            position[1]++;
            String periodId = periodOf(event.payload());
            if (periodId == null || onlyPeriod != null && !onlyPeriod.equals(periodId)) {
                return;
            }
            periods.computeIfAbsent(periodId, id -> new Folding()).apply(event.payload());
        });
        return new AsOfState(at, position[0], position[1], periods.entrySet().stream()
                .filter(period -> period.getValue().opened != null)
                .map(period -> period.getValue().toPeriod(period.getKey())).toList());
    }

    /** The plan period an event of the period's own belongs to; null for the programme's and the catalogues'. */
    private static String periodOf(Object event) {
        if (event instanceof PlanPeriodOpened e) {
            return e.periodId();
        } else if (event instanceof ItemRegistered e) {
            return e.periodId();
        } else if (event instanceof ItemAmended e) {
            return e.periodId();
        } else if (event instanceof ItemCompleted e) {
            return e.periodId();
        } else if (event instanceof ActivityRecorded e) {
            return e.periodId();
        } else if (event instanceof ActivityRetracted e) {
            return e.periodId();
        } else if (event instanceof FigureRecorded e) {
            return e.periodId();
        } else if (event instanceof FigureCorrected e) {
            return e.periodId();
        }
        return null;
    }

    /** One plan period being rebuilt from its events. */
    private static final class Folding {
        private PlanPeriodOpened opened;
        private final Map<Integer, Item> items = new TreeMap<>();
        private final Map<String, Activity> activities = new TreeMap<>();
        private final Map<String, Figure> figures = new TreeMap<>();

        void apply(Object event) {
            if (event instanceof PlanPeriodOpened e) {
                opened = e;
            } else if (event instanceof ItemRegistered e) {
                items.put(e.number(), new Item(e.number(), e.title(), e.area(), e.newInPeriod(), "REGISTERED"));
            } else if (event instanceof ItemAmended e) {
                items.computeIfPresent(e.number(), (n, item) ->
                        new Item(n, e.title(), e.area(), item.newInPeriod(), item.status()));
            } else if (event instanceof ItemCompleted e) {
                items.computeIfPresent(e.number(), (n, item) ->
                        new Item(n, item.title(), item.area(), item.newInPeriod(), "COMPLETED"));
            } else if (event instanceof ActivityRecorded e) {
                activities.put(e.activityId(), new Activity(e.activityId(), e.itemNumber(), name(e.kind()), e.title(),
                        e.date() == null ? null : e.date().start() + " to " + e.date().end(), false));
            } else if (event instanceof ActivityRetracted e) {
                activities.computeIfPresent(e.activityId(), (id, a) ->
                        new Activity(id, a.item(), a.kind(), a.title(), a.date(), true));
            } else if (event instanceof FigureRecorded e) {
                figures.put(e.figureId(), figure(e.value(), e.valueHigh(), e.qualifier(), e.figureId(), e.itemNumber(),
                        e.activityId(), e.metric(), e.unit(), name(e.side()), false));
            } else if (event instanceof FigureCorrected e) {
                figures.computeIfPresent(e.figureId(), (id, f) -> figure(e.value(), e.valueHigh(), e.qualifier(), id,
                        f.item(), f.activityId(), f.metric(), f.unit(), f.side(), true));
            }
        }

        Period toPeriod(String periodId) {
            return new Period(periodId, opened.label(), text(opened.startsOn()), text(opened.endsOn()),
                    new ArrayList<>(items.values()), new ArrayList<>(activities.values()),
                    new ArrayList<>(figures.values()));
        }

        private static Figure figure(BigDecimal stated, BigDecimal statedHigh, Qualifier qualifier, String id,
                                     Integer item, String activityId, String metric, String unit, String side,
                                     boolean corrected) {
            BigDecimal value = FigureValues.normalise(stated);
            BigDecimal high = statedHigh == null ? null : FigureValues.normalise(statedHigh);
            return new Figure(id, item, activityId, metric, value, qualifier.code(), qualifier.phrase(value, high),
                    unit, side, corrected);
        }

        private static String name(Enum<?> value) {
            return value == null ? null : value.name();
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
