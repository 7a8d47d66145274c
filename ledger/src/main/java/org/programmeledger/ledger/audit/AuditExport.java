package org.programmeledger.ledger.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.programmeledger.ledger.service.CanonicalJson;
import org.programmeledger.ledger.service.CsvCells;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.stereotype.Component;

/** The full audit trail as CSV: one row per event, every metadata field, the payload and the seal. */
@Component
public class AuditExport {

    private static final ObjectMapper JSON = CanonicalJson.mapper();
    private static final List<String> NAMED_METADATA = List.of(RecordingMetaData.USER, RecordingMetaData.ROLE,
            RecordingMetaData.CHANNEL, RecordingMetaData.FILE, RecordingMetaData.LINE,
            RecordingMetaData.IDEMPOTENCY_KEY, RecordingMetaData.RECORDED_AT, "correlationId", "traceId");
    private static final String[] HEADER = {"position", "aggregate_identifier", "sequence_number", "event",
            "recorded_at", "occurred", "corrects", "user", "role", "channel", "file", "line", "idempotency_key",
            "accepted_at", "correlation_id", "trace_id", "other_metadata", "payload", "seal"};

    private final AuditTrail trail;

    AuditExport(AuditTrail trail) {
        this.trail = trail;
    }

    /** Writes every event, streaming; returns how many. */
    public long write(Writer out) throws IOException {
        long[] rows = {0};
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            trail.all(entry -> {
                List<Object> row = new ArrayList<>(List.of(entry.position(), entry.aggregateIdentifier(),
                        entry.sequenceNumber(), entry.event(), entry.recordedAt()));
                row.add(entry.occurred());
                row.add(entry.corrects());
                Map<String, Object> other = new TreeMap<>(entry.metaData());
                for (String key : NAMED_METADATA) {
                    row.add(other.remove(key));
                }
                row.add(json(other));
                row.add(json(entry.payload()));
                row.add(entry.seal());
                try {
                    printer.printRecord(row.stream().map(CsvCells::cell));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
