package org.programmeledger.ledger.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.common.DateTimeUtils;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.ProgrammeFigureRecorded;
import org.programmeledger.ledger.service.AuditEntry;
import org.programmeledger.ledger.service.EventSubjects;
import org.programmeledger.ledger.service.CanonicalJson;
import org.programmeledger.ledger.store.LedgerEvents;
import org.programmeledger.ledger.service.RecordedEvent;
import org.springframework.stereotype.Component;

/**
 * The history an auditor reads: every event in order, as the ledger reads it (serializer and upcasters
 * applied), selected by its typed record, and shown with its payload and metadata as the canonical JSON fields.
 * A correction is shown right after the record it corrects.
 */
@Component
public class AuditTrail {

    private static final ObjectMapper JSON = CanonicalJson.mapper();
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
        return entries(events.ofAggregate(periodId));
    }

    /** The history of one item: its registration, amendments, activities, figures and their corrections. */
    public List<AuditEntry> item(String periodId, int number) {
        return entries(events.ofAggregate(periodId).stream()
                .filter(event -> EventSubjects.concernsItem(event.payload(), number)).toList());
    }

    /** The history of one activity, with its figures and their corrections. */
    public List<AuditEntry> activity(String periodId, String activityId) {
        List<RecordedEvent> recorded = events.ofAggregate(periodId);
        List<String> figures = recorded.stream()
                .filter(event -> activityId.equals(EventSubjects.activityId(event.payload())))
                .map(event -> EventSubjects.figureId(event.payload())).filter(Objects::nonNull).toList();
        return entries(recorded.stream().filter(event -> activityId.equals(EventSubjects.activityId(event.payload()))
                || figures.contains(EventSubjects.figureId(event.payload()))).toList());
    }

    /** An organisation's registration, and every event that names it. */
    public List<AuditEntry> organisation(String organisationId) {
        List<AuditEntry> naming = new ArrayList<>();
        events.inOrder(event -> {
            if (event.aggregateIdentifier().equals(organisationId)
                    || EventSubjects.namesOrganisation(event.payload(), organisationId)) {
                naming.add(entry(event));
            }
        });
        return naming;
    }

    /** The entries, each correction right after the record it corrects. */
    private static List<AuditEntry> entries(List<RecordedEvent> recorded) {
        return EventSubjects.anchored(recorded).stream().map(AuditTrail::entry).toList();
    }

    private static AuditEntry entry(RecordedEvent recorded) {
        Object event = recorded.payload();
        return new AuditEntry(recorded.position(), recorded.aggregateIdentifier(), recorded.sequenceNumber(),
                event.getClass().getSimpleName(), DateTimeUtils.formatInstant(recorded.recordedAt()), occurred(event),
                EventSubjects.corrects(event) ? EventSubjects.of(event) : null, fields(recorded.metaData()),
                fields(event), recorded.leafHash());
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
