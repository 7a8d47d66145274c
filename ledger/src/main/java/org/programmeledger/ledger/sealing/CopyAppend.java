package org.programmeledger.ledger.sealing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.programmeledger.ledger.store.AppendGuard;

/**
 * A large append on PostgreSQL (an import file's events, committed together) written with COPY instead of a JDBC
 * batch of inserts: positions drawn from the column's own sequence in one query, then the events and their
 * authenticators each streamed in one COPY. The rows, positions and authenticators are those the inserts would
 * have stored; the guards are checked by one query in the same transaction, as the guarded insert checks them.
 */
final class CopyAppend {

    /** Fewer events than this go as inserts: a single command's append is one or two events. */
    static final int FROM_EVENTS = 64;

    private static final String DRAW = "SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index')) "
            + "FROM generate_series(1, ?)";
    private static final String COPY_EVENTS = "COPY domain_event_entry (" + SealedEvent.COLUMNS
            + ") FROM STDIN WITH (FORMAT csv)";
    private static final String COPY_AUTHENTICATORS = "COPY ledger_event_authenticator (position, event_identifier, "
            + "key_id, mac) FROM STDIN WITH (FORMAT csv)";

    private CopyAppend() {
    }

    /** Whether a large append on this connection goes by COPY: on PostgreSQL. */
    static boolean suits(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Stores the rows (positions not yet drawn) and their authenticators; false, storing nothing, when a guard no
     * longer holds.
     */
    static boolean append(Connection connection, List<SealedEvent> unpositioned, List<AppendGuard> guards,
                          SigningKey key) throws SQLException {
        if (!guardsHold(connection, guards)) {
            return false;
        }
        long[] positions = draw(connection, unpositioned.size());
        StringBuilder authenticators = new StringBuilder(unpositioned.size() * 160);
        String keyId = key.keyId();
        CopyManager copying = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn events = copying.copyIn(COPY_EVENTS);
        try {
            // Sent a piece at a time: one text of all the rows was copied three times over, in arrays of megabytes
            // that G1 allocates outside its young regions (BENCHMARKS.md round 9).
            CopyRows rows = new CopyRows(events);
            for (int i = 0; i < unpositioned.size(); i++) {
                SealedEvent row = unpositioned.get(i).at(positions[i]);
                rows.add(row);
                authenticators.append(row.position()).append(',');
                cells(authenticators, row.eventIdentifier(), keyId);
                cell(authenticators, key.authenticate(row.leafData())).append('\n');
            }
            rows.end();
            copying.copyIn(COPY_AUTHENTICATORS, new StringReader(authenticators.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (events.isActive()) {
                events.cancelCopy();
            }
        }
        return true;
    }

    /** Every guard's condition, read in this transaction just before the rows are written. */
    private static boolean guardsHold(Connection connection, List<AppendGuard> guards) throws SQLException {
        if (guards.isEmpty()) {
            return true;
        }
        String all = String.join(" AND ", guards.stream().map(guard -> "(" + guard.condition() + ")").toList());
        try (PreparedStatement check = connection.prepareStatement("SELECT " + all)) {
            AppendGuard.bind(guards, check, 1);
            try (ResultSet result = check.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Positions for the rows in the order of the rows, ascending, as a batch of inserts draws them. */
    static long[] draw(Connection connection, int count) throws SQLException {
        long[] positions = new long[count];
        try (PreparedStatement draw = connection.prepareStatement(DRAW)) {
            draw.setInt(1, count);
            try (ResultSet drawn = draw.executeQuery()) {
                for (int i = 0; i < count; i++) {
                    if (!drawn.next()) {
                        throw new SQLException("the sequence drew " + i + " positions of " + count);
                    }
                    positions[i] = drawn.getLong(1);
                }
            }
        }
        Arrays.sort(positions);
        return positions;
    }

    private static StringBuilder cells(StringBuilder into, String... values) {
        for (String value : values) {
            cell(into, value).append(',');
        }
        return into;
    }

    /** A CSV cell: quoted, so that an empty text stays empty; nothing at all for null, which COPY reads as NULL. */
    private static StringBuilder cell(StringBuilder into, String value) {
        if (value == null) {
            return into;
        }
        into.append('"');
        // a quote is doubled; the text between quotes (a JSON payload is mostly that) is copied whole
        int from = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
            into.append(value, from, quote + 1).append('"');
            from = quote + 1;
        }
        into.append(value, from, value.length());
        return into.append('"');
    }

    /**
     * The events' rows of a COPY (the columns of {@link SealedEvent#COLUMNS}, in their order, as {@link #cell} writes
     * them), encoded as UTF-8 into a buffer that is sent whenever it holds {@link #SEND_AT} bytes. The database's
     * refusal (a duplicate key, say) comes as its SQLException, as from a COPY of one text.
     */
    private static final class CopyRows extends ByteArrayOutputStream {

        private static final int SEND_AT = 1 << 16;
        private static final byte QUOTE = '"';

        private final CopyIn copy;

        CopyRows(CopyIn copy) {
            super(2 * SEND_AT);
            this.copy = copy;
        }

        void add(SealedEvent row) throws SQLException {
            number(row.position());
            cell(row.eventIdentifier());
            cell(row.aggregateIdentifier());
            number(row.sequenceNumber());
            cell(row.type());
            cell(row.timestamp());
            cell(row.payloadType());
            cell(row.payloadRevision());
            cell(row.payload());
            cell(row.metaData());
            buf[count - 1] = '\n'; // the last cell's separator ends the row
            if (count >= SEND_AT) {
                send();
            }
        }

        void end() throws SQLException {
            send();
            copy.endCopy();
        }

        private void send() throws SQLException {
            if (count > 0) {
                copy.writeToCopy(buf, 0, count);
            }
            reset();
        }

        private void number(long value) {
            writeBytes(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
            write(',');
        }

        /** In UTF-8 a quote's byte is never part of another character, so quotes are doubled in the bytes. */
        private void cell(String value) {
            if (value != null) {
                byte[] text = value.getBytes(StandardCharsets.UTF_8);
                write(QUOTE);
                int from = 0;
                for (int i = 0; i < text.length; i++) {
                    if (text[i] == QUOTE) {
                        write(text, from, i + 1 - from);
                        write(QUOTE);
                        from = i + 1;
                    }
                }
                write(text, from, text.length - from);
                write(QUOTE);
            }
            write(',');
        }
    }
}
