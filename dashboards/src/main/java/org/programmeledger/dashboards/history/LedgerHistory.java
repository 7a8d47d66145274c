package org.programmeledger.dashboards.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.common.DateTimeUtils;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.api.AlternativeValueRecorded;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.ValueAdopted;
import org.programmeledger.ledger.facade.LedgerEventReads;
import org.programmeledger.ledger.service.EventSubjects;
import org.programmeledger.ledger.service.RecordedEvent;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.stereotype.Component;

/**
 * The history of an item or a figure, corrections right after what they correct, read from the ledger's typed
 * event reader: each event is its {@code api} record as the serializer and upcasters make it, which says what it
 * changed from and to.
 */
@Component
public class LedgerHistory {

    private final LedgerEventReads events;

    LedgerHistory(LedgerEventReads events) {
        this.events = events;
    }

    /** Everything recorded about an item: its registration and amendments, its activities and figures. */
    public List<HistoryLine> item(String periodId, int number) {
        return lines(events.ofAggregate(periodId).stream()
                .filter(event -> EventSubjects.concernsItem(event.payload(), number)).toList());
    }

    /** Everything recorded about one figure; empty when the plan period has no such figure. */
    public List<HistoryLine> figure(String periodId, String figureId) {
        String figure = "figure " + figureId;
        return lines(events.ofAggregate(periodId).stream().filter(event -> figure.equals(EventSubjects.of(event.payload())))
                .toList());
    }

    private static List<HistoryLine> lines(List<RecordedEvent> events) {
        // A correction names no unit: it keeps the unit its figure was recorded with.
        Map<String, String> units = new HashMap<>();
        for (RecordedEvent event : events) {
            if (event.payload() instanceof FigureRecorded recorded) {
                units.put(recorded.figureId(), recorded.unit());
            }
        }
        List<HistoryLine> lines = new ArrayList<>();
        for (RecordedEvent event : EventSubjects.anchored(events)) {
            lines.add(line(event, units));
        }
        return lines;
    }

    private static HistoryLine line(RecordedEvent recorded, Map<String, String> units) {
        Object event = recorded.payload();
        Object user = recorded.metaData().get(RecordingMetaData.USER);
        HistoryLine plain = new HistoryLine(recorded.position(), event.getClass(),
                Objects.requireNonNullElse(EventSubjects.of(event), event.getClass().getSimpleName()),
                DateTimeUtils.formatInstant(recorded.recordedAt()), user == null ? null : user.toString(),
                null, null, null, null, null, null);
        if (event instanceof FigureRecorded figure) {
            return withValues(plain, null, null, bound(figure.qualifier(), figure.value(), figure.valueHigh()),
                    figure.unit());
        }
        if (event instanceof FigureCorrected corrected) {
            return withValues(plain, corrected.reason(), bound(corrected.previousQualifier(),
                    corrected.previousValue(), corrected.previousValueHigh()), bound(corrected.qualifier(),
                    corrected.value(), corrected.valueHigh()), units.get(corrected.figureId()));
        }
        if (event instanceof AlternativeValueRecorded other) {
            return withValues(plain, other.source(), null, bound(other.qualifier(), other.value(), other.valueHigh()),
                    units.get(other.figureId()));
        }
        if (event instanceof ValueAdopted adopted) {
            return withValues(plain, adopted.reason(), null, bound(adopted.qualifier(), adopted.value(),
                    adopted.valueHigh()), units.get(adopted.figureId()));
        }
        if (event instanceof ItemRegistered registered) {
            return withTexts(plain, null, null, registered.title());
        }
        if (event instanceof ItemAmended amended) {
            return withTexts(plain, amended.reason(), amended.previousTitle(), amended.title());
        }
        if (event instanceof ActivityRecorded activity) {
            return withTexts(plain, null, null, activity.title());
        }
        if (event instanceof ActivityRetracted retracted) {
            return withTexts(plain, retracted.reason(), null, null);
        }
        return plain;
    }

    private static HistoryLine withValues(HistoryLine line, String reason, Bound before, Bound after, String unit) {
        return new HistoryLine(line.position(), line.eventType(), line.subject(), line.recordedAt(), line.user(), reason,
                before, after, unit, null, null);
    }

    private static HistoryLine withTexts(HistoryLine line, String reason, String before, String after) {
        return new HistoryLine(line.position(), line.eventType(), line.subject(), line.recordedAt(), line.user(), reason,
                null, null, null, before, after);
    }

    private static Bound bound(Qualifier qualifier, BigDecimal value, BigDecimal high) {
        return qualifier == null || value == null ? null : Bound.stated(qualifier.name(), plain(value),
                high == null ? null : plain(high));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
