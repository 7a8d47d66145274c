package org.programmeledger.ledger.sealing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots carry an authenticator under the signing key, and a snapshot without a valid one is passed over for the
 * events: snapshots are not sealed, and a command decides on the state it loads, so whoever could write the
 * database could otherwise change what commands decide (an approval skipped, a previous value made up) while every
 * event stayed intact.
 */
public final class SnapshotAuthenticity implements SnapshotFilter {

    /** The snapshot's metadata entry that holds its authenticator. */
    static final String META_DATA_KEY = "snapshotAuthenticator";

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotAuthenticity.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sets what a snapshot's authenticator covers apart from an event's leaf data, under the same key. */
    private static final String DOMAIN = "programme-ledger snapshot\n";

    private final SigningKey key;

    public SnapshotAuthenticity(SigningKey key) {
        this.key = key;
    }

    /** The authenticator of a snapshot as it is stored: its aggregate, sequence number and serialized payload. */
    String authenticate(String aggregateIdentifier, long sequenceNumber, SerializedObject<String> payload) {
        return key.authenticate(covered(aggregateIdentifier, sequenceNumber, payload.getType().getName(),
                payload.getType().getRevision(), payload.getData()));
    }

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        String mac;
        try {
            JsonNode metaData = JSON.readTree(text(snapshot.getMetaData().getData()));
            mac = metaData == null ? null : metaData.path(META_DATA_KEY).asText(null);
        } catch (IOException e) {
            mac = null;
        }
        SerializedObject<?> payload = snapshot.getPayload();
        boolean authentic = mac != null && key.authenticates(key.keyId(), covered(snapshot.getAggregateIdentifier(),
                snapshot.getSequenceNumber(), payload.getType().getName(), payload.getType().getRevision(),
                text(payload.getData())), mac);
        if (!authentic) {
            LOG.warn("The snapshot of {} at sequence number {} carries no valid authenticator: loaded from its events",
                    snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
        }
        return authentic;
    }

    private static byte[] covered(String aggregateIdentifier, long sequenceNumber, String type, String revision,
                                  String payload) {
        return (DOMAIN + aggregateIdentifier + "\n" + sequenceNumber + "\n" + type + "\n" + revision + "\n" + payload)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object data) {
        return data instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(data);
    }
}
