package org.programmeledger.ledger.sealing;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.programmeledger.ledger.proof.MerkleHash;

/**
 * An event row exactly as stored, with what a seal covers: every column, identifiers and metadata
 * included. Each field is written as its length and its text, so no two rows have the same bytes.
 */
public record SealedEvent(long position, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String timestamp, String payloadType, String payloadRevision, String payload,
                          String metaData) {

    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";
    static final String GENESIS = "0".repeat(64);

    /** Reads the {@link #COLUMNS}, starting at column {@code first}. */
    static SealedEvent read(ResultSet row, int first) throws SQLException {
        int c = first;
        return new SealedEvent(row.getLong(c), row.getString(c + 1), row.getString(c + 2), row.getLong(c + 3),
                row.getString(c + 4), row.getString(c + 5), row.getString(c + 6), row.getString(c + 7),
                row.getString(c + 8), row.getString(c + 9));
    }

    static SealedEvent read(ResultSet row) throws SQLException {
        return read(row, 1);
    }

    /**
     * Binds the {@link #COLUMNS} after the position (from the event's identifier to its metadata), starting at
     * parameter {@code first}; returns the next parameter's index.
     */
    int bindAfterPosition(PreparedStatement statement, int first) throws SQLException {
        int p = first;
        statement.setString(p, eventIdentifier);
        statement.setString(p + 1, aggregateIdentifier);
        statement.setLong(p + 2, sequenceNumber);
        statement.setString(p + 3, type);
        statement.setString(p + 4, timestamp);
        statement.setString(p + 5, payloadType);
        statement.setString(p + 6, payloadRevision);
        statement.setString(p + 7, payload);
        statement.setString(p + 8, metaData);
        return p + 9;
    }

    /** The same row at another position: an appended row is known before the database draws its position. */
    SealedEvent at(long newPosition) {
        return new SealedEvent(newPosition, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timestamp,
                payloadType, payloadRevision, payload, metaData);
    }

    /** The row's canonical bytes: every column, each as "length:text" and a line break ("-1:" for null). */
    public byte[] leafData() {
        return canonical(new StringBuilder(canonicalLength())).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The RFC 9162 leaf hash of {@link #leafData()}, in hex: what ledger_tree_leaf holds. */
    public String leafHash() {
        return leafHash(leafData());
    }

    /** The leaf hash of a row's {@link #leafData()} already made (it is most of the cost). */
    static String leafHash(byte[] leafData) {
        return Hashing.hex(MerkleHash.leaf(leafData));
    }

    /** The link of the hash chain sealed before release 1.5, read once to carry that chain's events over. */
    String chainHashAfter(String previousHash) {
        StringBuilder text = canonical(new StringBuilder(previousHash).append('\n'));
        return Hashing.hex(Hashing.sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Appends each field without an intermediate string per field: building the canonical text copied the payload
     * three times more than this (the import allocated 4.7 KB per event here, BENCHMARKS.md round 9).
     */
    private StringBuilder canonical(StringBuilder into) {
        for (Object field : new Object[] {position, eventIdentifier, aggregateIdentifier, sequenceNumber, type,
                timestamp, payloadType, payloadRevision, payload, metaData}) {
            String text = field == null ? null : field.toString();
            if (text == null) {
                into.append("-1:");
            } else {
                into.append(text.length()).append(':').append(text);
            }
            into.append('\n');
        }
        return into;
    }

    /** Room for {@link #canonical}: the texts, the two numbers (20 digits at most), each field's length and marks. */
    private int canonicalLength() {
        return 2 * 20 + 10 * 12 + length(eventIdentifier) + length(aggregateIdentifier) + length(type)
                + length(timestamp) + length(payloadType) + length(payloadRevision) + length(payload)
                + length(metaData);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
