package org.programmeledger.dashboards.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.programmeledger.ledger.audit.AuditEntry;
import org.programmeledger.ledger.audit.AuditTrail;
import org.programmeledger.ledger.service.CanonicalJson;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.stereotype.Component;

/**
 * The history of an item or a figure as the ledger's history query gives it (corrections right after what they
 * correct), each event read as its typed record to say what it changed from and to.
 */
@Component
public class LedgerHistory {

    private static final ObjectMapper JSON = CanonicalJson.mapper();

    private final AuditTrail trail;

    LedgerHistory(AuditTrail trail) {
        this.trail = trail;
    }

    /** Everything recorded about an item: its registration and amendments, its activities and figures. */
    public List<HistoryLine> item(String periodId, int number) {
        return lines(trail.item(periodId, number));
    }

    /** Everything recorded about one figure; empty when the plan period has no such figure. */
    public List<HistoryLine> figure(String periodId, String figureId) {
        return lines(trail.period(periodId).stream()
                .filter(entry -> figureId.equals(entry.payload().get("figureId"))).toList());
    }

    private static List<HistoryLine> lines(List<AuditEntry> entries) {
        // A correction names no unit: it keeps the unit its figure was recorded with.
        Map<String, String> units = new HashMap<>();
        entries.stream().filter(entry -> entry.event().equals("FigureRecorded"))
                .map(entry -> as(entry, FigureRecorded.class))
                .forEach(recorded -> units.put(recorded.figureId(), recorded.unit()));
        List<HistoryLine> lines = new ArrayList<>();
        for (AuditEntry entry : entries) {
            lines.add(line(entry, units));
        }
        return lines;
    }

    private static HistoryLine line(AuditEntry entry, Map<String, String> units) {
        String subject = Objects.requireNonNullElse(AuditTrail.subject(entry.payload()), entry.event());
        HistoryLine plain = new HistoryLine(entry.position(), entry.event(), subject, entry.recordedAt(),
                user(entry), null, null, null, null, null, null);
        return switch (entry.event()) {
            case "FigureRecorded" -> {
                FigureRecorded recorded = as(entry, FigureRecorded.class);
                yield withValues(plain, null, null, bound(recorded.qualifier(), recorded.value(), recorded.valueHigh()),
                        recorded.unit());
            }
            case "FigureCorrected" -> {
                FigureCorrected corrected = as(entry, FigureCorrected.class);
                yield withValues(plain, corrected.reason(), bound(corrected.previousQualifier(),
                        corrected.previousValue(), corrected.previousValueHigh()), bound(corrected.qualifier(),
                        corrected.value(), corrected.valueHigh()), units.get(corrected.figureId()));
            }
            case "AlternativeValueRecorded" -> {
                AlternativeValueRecorded other = as(entry, AlternativeValueRecorded.class);
                yield withValues(plain, other.source(), null, bound(other.qualifier(), other.value(),
                        other.valueHigh()), units.get(other.figureId()));
            }
            case "ValueAdopted" -> {
                ValueAdopted adopted = as(entry, ValueAdopted.class);
                yield withValues(plain, adopted.reason(), null, bound(adopted.qualifier(), adopted.value(),
                        adopted.valueHigh()), units.get(adopted.figureId()));
            }
            case "ItemRegistered" -> withTexts(plain, null, null, as(entry, ItemRegistered.class).title());
            case "ItemAmended" -> {
                ItemAmended amended = as(entry, ItemAmended.class);
                yield withTexts(plain, amended.reason(), amended.previousTitle(), amended.title());
            }
            case "ActivityRecorded" -> withTexts(plain, null, null, as(entry, ActivityRecorded.class).title());
            case "ActivityRetracted" -> withTexts(plain, as(entry, ActivityRetracted.class).reason(), null, null);
            default -> plain;
        };
    }

    private static HistoryLine withValues(HistoryLine line, String reason, Bound before, Bound after, String unit) {
        return new HistoryLine(line.position(), line.event(), line.subject(), line.recordedAt(), line.user(), reason,
                before, after, unit, null, null);
    }

    private static HistoryLine withTexts(HistoryLine line, String reason, String before, String after) {
        return new HistoryLine(line.position(), line.event(), line.subject(), line.recordedAt(), line.user(), reason,
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

    private static String user(AuditEntry entry) {
        Object user = entry.metaData().get(RecordingMetaData.USER);
        return user == null ? null : user.toString();
    }

    private static <T> T as(AuditEntry entry, Class<T> type) {
        return JSON.convertValue(entry.payload(), type);
    }
}
