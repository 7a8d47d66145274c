package org.programmeledger.ledger.sealing;

import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.programmeledger.ledger.api.SigningKeyRegistered;
import org.springframework.jdbc.core.JdbcTemplate;

/** The signing keys the ledger recorded as events, read through the event serializer, in position order. */
final class RecordedKeys {

    /** A recorded key with its event's position and leaf index (null while it is not sealed). */
    record RecordedKey(long position, Long leafIndex, SigningKeyRegistered event) {
    }

    private RecordedKeys() {
    }

    static List<RecordedKey> read(JdbcTemplate jdbc, Serializer serializer) {
        return jdbc.query("SELECT e.global_index, l.leaf_index, e.payload, e.payload_revision FROM domain_event_entry e "
                        + "LEFT JOIN ledger_tree_leaf l ON l.position = e.global_index WHERE e.payload_type = ? "
                        + "ORDER BY e.global_index",
                (row, n) -> new RecordedKey(row.getLong(1), (Long) row.getObject(2, Long.class),
                        serializer.deserialize(new SimpleSerializedObject<>(row.getString(3), String.class,
                                SigningKeyRegistered.class.getName(), row.getString(4)))),
                SigningKeyRegistered.class.getName());
    }
}
