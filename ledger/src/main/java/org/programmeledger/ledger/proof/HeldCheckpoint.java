package org.programmeledger.ledger.proof;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * A checkpoint as an auditor keeps it: its one-line form, a proof file (the checkpoint it proved at, or the
 * newer one of a consistency proof), or a witness file of JSON lines (its last line).
 */
public final class HeldCheckpoint {

    /** Strict about trailing text, so that a file of JSON lines is not read as its first line. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> FIELDS = List.of("to", "checkpoint");

    private HeldCheckpoint() {
    }

    public static SignedCheckpoint read(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("no checkpoint given");
        }
        JsonNode whole = json(trimmed);
        if (whole != null) {
            return fromJson(whole);
        }
        List<String> lines = trimmed.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String last = lines.get(lines.size() - 1);
        JsonNode line = json(last);
        return line != null ? fromJson(line) : SignedCheckpoint.parseLine(last);
    }

    private static SignedCheckpoint fromJson(JsonNode node) {
        for (String field : FIELDS) {
            if (node.path(field).isTextual()) {
                return SignedCheckpoint.parseLine(node.get(field).asText());
            }
        }
        throw new IllegalArgumentException("the JSON holds no signed checkpoint (a field 'to' or 'checkpoint')");
    }

    private static JsonNode json(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
