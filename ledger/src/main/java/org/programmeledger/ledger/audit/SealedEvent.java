package org.programmeledger.ledger.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * An event row exactly as stored, with what a seal covers: every column, identifiers and metadata
 * included. Each field is written as its length and its text, so no two rows have the same bytes.
 */
public record SealedEvent(long position, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String type, String timestamp, String payloadType, String payloadRevision, String payload,
                   String metaData) {

    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";
    public static final String GENESIS = "0".repeat(64);

    public static SealedEvent read(ResultSet row) throws SQLException {
        return new SealedEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10));
    }

    /** The link after {@code previousHash}: SHA-256 over the previous link and this event's canonical bytes. */
    public String hashAfter(String previousHash) {
        StringBuilder canonical = new StringBuilder(previousHash).append('\n');
        for (Object field : new Object[] {position, eventIdentifier, aggregateIdentifier, sequenceNumber, type,
                timestamp, payloadType, payloadRevision, payload, metaData}) {
            String text = field == null ? null : field.toString();
            canonical.append(text == null ? "-1:" : text.length() + ":" + text).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
