package org.programmeledger.ledger.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.store.EventStoreConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The history an auditor reads: the stored events themselves, as they are in the store, in order.
 * A correction is shown right after the record it corrects.
 */
@Component
public class AuditTrail {

    private static final ObjectMapper JSON = EventStoreConfiguration.canonicalObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String SELECT = "SELECT e.global_index, e.aggregate_identifier, e.sequence_number, "
            + "e.payload_type, e.time_stamp, e.meta_data, e.payload, l.leaf_hash FROM domain_event_entry e "
            + "LEFT JOIN ledger_tree_leaf l ON l.position = e.global_index";

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event, in global order, streamed. */
    public void all(Consumer<AuditEntry> each) {
        jdbc.query(SELECT + " ORDER BY e.global_index", row -> {
            each.accept(entry(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
                    row.getString(6), row.getString(7), row.getString(8)));
        });
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
        return jdbc.query(SELECT + " WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number",
                (row, n) -> entry(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8)), aggregateIdentifier);
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

    private static AuditEntry entry(long position, String aggregate, long sequence, String payloadType,
                                    String recordedAt, String metaData, String payload, String seal) {
        Map<String, Object> body = parse(payload);
        String event = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        String corrects = switch (event) {
            case "FigureCorrected", "ActivityRetracted", "ItemAmended" -> subject(body);
            default -> null;
        };
        return new AuditEntry(position, aggregate, sequence, event, recordedAt, occurred(body), corrects,
                parse(metaData), body, seal == null ? null : seal.trim());
    }

    private static String occurred(Map<String, Object> payload) {
        Object extent = payload.containsKey("date") ? payload.get("date") : payload.get("extent");
        if (extent instanceof Map<?, ?> fields && fields.get("precision") != null) {
            Extent value = JSON.convertValue(fields, Extent.class);
            return value.describe() + (value.start() == null ? "" : " (" + value.start() + " to " + value.end() + ")");
        }
        if (payload.containsKey("startsOn")) {
            return payload.get("startsOn") + " to " + payload.get("endsOn");
        }
        return null;
    }

    private static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", json);
        }
    }
}
