package org.programmeledger.ledger.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a leaf's data, an event row's canonical bytes (every column in order, each written as
 * {@code <length in UTF-16 units>:<text>\n}, or {@code -1:\n} for null), back into the row, for humans.
 */
public final class LeafData {

    static final List<String> COLUMNS = List.of("position", "eventIdentifier", "aggregateIdentifier",
            "sequenceNumber", "type", "timestamp", "payloadType", "payloadRevision", "payload", "metaData");
    private static final List<String> NUMBERS = List.of("position", "sequenceNumber");
    private static final List<String> JSON_TEXT = List.of("payload", "metaData");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LeafData() {
    }

    /** The row as JSON: numbers as numbers, the payload and metadata as the JSON they hold. */
    public static ObjectNode decode(byte[] leafData) {
        String text = new String(leafData, StandardCharsets.UTF_8);
        ObjectNode event = JSON.createObjectNode();
        int at = 0;
        for (String column : COLUMNS) {
            int colon = text.indexOf(':', at);
            if (colon < 0) {
                throw new IllegalArgumentException("leaf data ends before its column " + column);
            }
            int length = parseLength(text.substring(at, colon), column);
            if (length < 0) {
                event.putNull(column);
                at = colon + 1;
            } else {
                if (colon + 1 + length > text.length()) {
                    throw new IllegalArgumentException("leaf data ends inside its column " + column);
                }
                put(event, column, text.substring(colon + 1, colon + 1 + length));
                at = colon + 1 + length;
            }
            if (at >= text.length() || text.charAt(at) != '\n') {
                throw new IllegalArgumentException("leaf data lacks the line break after its column " + column);
            }
            at++;
        }
        if (at != text.length()) {
            throw new IllegalArgumentException("leaf data goes on after its last column");
        }
        return event;
    }

    private static int parseLength(String length, String column) {
        if (!length.matches("-1|0|[1-9][0-9]{0,9}")) {
            throw new IllegalArgumentException("leaf data has no length before its column " + column);
        }
        return Integer.parseInt(length);
    }

    private static void put(ObjectNode event, String column, String value) {
        if (NUMBERS.contains(column)) {
            event.put(column, Long.parseLong(value));
        } else if (JSON_TEXT.contains(column)) {
            event.set(column, jsonOrText(value));
        } else {
            event.put(column, value);
        }
    }

    private static JsonNode jsonOrText(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(value);
        }
    }
}
