package org.programmeledger.ledger.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.common.DateTimeUtils;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.ProgrammeFigureRecorded;
import org.programmeledger.ledger.service.AuditEntry;
import org.programmeledger.ledger.store.EventStoreConfiguration;
import org.programmeledger.ledger.store.LedgerEvents;
import org.programmeledger.ledger.service.RecordedEvent;
import org.springframework.stereotype.Component;

/**
 * The history an auditor reads: every event in order, as the ledger reads it (serializer and upcasters
 * applied), with its payload and metadata as the canonical JSON fields. A correction is shown right after the
 * record it corrects.
 */
@Component
public class AuditTrail {

    private static final ObjectMapper JSON = EventStoreConfiguration.canonicalObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final LedgerEvents events;

    AuditTrail(LedgerEvents events) {
        this.events = events;
    }

    /** Every event, in global order, streamed. */
    public void all(Consumer<AuditEntry> each) {
        events.inOrder(event -> each.accept(entry(event)));
    }

    /** Everything recorded in a plan period. */
    public List<AuditEntry> period(String periodId) {
        return anchored(aggregate(periodId));
    }

    /** The history of one item: its registration, amendments, activities, figures and their corrections. */
    public List<AuditEntry> item(String periodId, int number) {
        return anchored(aggregate(periodId).stream()
                .filter(e -> ("item " + number).equals(subject(e.payload()))
                        || Objects.equals(e.payload().get("itemNumber"), number)).toList());
    }

    /** The history of one activity, with its figures and their corrections. */
    public List<AuditEntry> activity(String periodId, String activityId) {
        List<AuditEntry> events = aggregate(periodId);
        List<Object> figures = events.stream().filter(e -> activityId.equals(e.payload().get("activityId"))
                && e.payload().containsKey("figureId")).map(e -> e.payload().get("figureId")).toList();
        return anchored(events.stream().filter(e -> activityId.equals(e.payload().get("activityId"))
                || figures.contains(e.payload().get("figureId"))).toList());
    }

    /** An organisation's registration, and every event that names it. */
    public List<AuditEntry> organisation(String organisationId) {
        List<AuditEntry> naming = new ArrayList<>();
        all(entry -> {
            if (entry.aggregateIdentifier().equals(organisationId) || names(entry.payload(), organisationId)) {
                naming.add(entry);
            }
        });
        return naming;
    }

    private static boolean names(Map<String, Object> payload, String organisationId) {
        return List.of("leadOrganisations", "participatingOrganisations", "organisers", "supporters").stream()
                .map(payload::get).filter(List.class::isInstance)
                .anyMatch(ids -> ((List<?>) ids).contains(organisationId));
    }

    private List<AuditEntry> aggregate(String aggregateIdentifier) {
        return events.ofAggregate(aggregateIdentifier).stream().map(AuditTrail::entry).toList();
    }

    /** Orders entries so that each correction follows the record it corrects, then by position. */
    private static List<AuditEntry> anchored(List<AuditEntry> entries) {
        Map<String, Long> recordedAt = new HashMap<>();
        for (AuditEntry entry : entries) {
            String subject = subject(entry.payload());
            if (subject != null && entry.corrects() == null) {
                recordedAt.putIfAbsent(subject, entry.position());
            }
        }
        return entries.stream().sorted(Comparator
                .comparingLong((AuditEntry e) -> e.corrects() == null ? e.position()
                        : recordedAt.getOrDefault(e.corrects(), e.position()))
                .thenComparingLong(AuditEntry::position)).toList();
    }

    /**
     * What an event is about: "figure F", "activity A" or "item N", or null for the rest. A publication
     * has a number too, but it is the publication's, not an item's.
     */
    public static String subject(Map<String, Object> payload) {
        if (payload.containsKey("figureId")) {
            return "figure " + payload.get("figureId");
        }
        if (payload.containsKey("activityId")) {
            return "activity " + payload.get("activityId");
        }
        if (payload.containsKey("number") && !payload.containsKey("position")) {
            return "item " + payload.get("number");
        }
        return null;
    }

    private static AuditEntry entry(RecordedEvent recorded) {
        Object event = recorded.payload();
        Map<String, Object> payload = fields(event);
        String corrects = event instanceof FigureCorrected || event instanceof ActivityRetracted
                || event instanceof ItemAmended ? subject(payload) : null;
        return new AuditEntry(recorded.position(), recorded.aggregateIdentifier(), recorded.sequenceNumber(),
                event.getClass().getSimpleName(), DateTimeUtils.formatInstant(recorded.recordedAt()), occurred(event),
                corrects, fields(recorded.metaData()), payload, recorded.leafHash());
    }

    private static String occurred(Object event) {
        Extent extent = event instanceof ActivityRecorded activity ? activity.date()
                : event instanceof FigureRecorded figure ? figure.extent()
                : event instanceof ProgrammeFigureRecorded figure ? figure.extent() : null;
        if (extent != null && extent.precision() != null) {
            return extent.describe() + (extent.start() == null ? "" : " (" + extent.start() + " to " + extent.end() + ")");
        }
        if (event instanceof PlanPeriodOpened opened) {
            return opened.startsOn() + " to " + opened.endsOn();
        }
        return null;
    }

    /** A value as the canonical JSON's fields: what an auditor's export and the history show of it. */
    private static Map<String, Object> fields(Object value) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(value), MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
