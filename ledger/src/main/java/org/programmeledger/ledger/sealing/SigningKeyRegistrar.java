package org.programmeledger.ledger.sealing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.programmeledger.ledger.api.RegisterSigningKey;
import org.programmeledger.ledger.proof.CheckpointKeys;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records the key file's keys as events, oldest first, each one once: the first key as it is, each later one
 * with the rotation statement signed by the key it replaced. Called when the server starts and by
 * {@code key show} and {@code key rotate}; recording a key already recorded changes nothing.
 */
@Component
public class SigningKeyRegistrar {

    /** Where the current key's event is in the ledger. */
    public record Registration(String keyId, long position) {
    }

    /** The channel and role the key events are recorded by. */
    public static final String CHANNEL = "signing-keys";
    public static final String ROLE = "KEY_HOLDER";

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final SigningKey key;
    private final Clock clock;

    SigningKeyRegistrar(CommandGateway commands, JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                        SigningKey key) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.key = key;
        this.clock = Clock.systemUTC();
    }

    /** Records every key of the key file the ledger has not recorded yet; returns the current key's event. */
    public synchronized Registration registerKeys() {
        Set<String> recorded = RecordedKeys.read(jdbc, serializer).stream().map(k -> k.event().keyId())
                .collect(Collectors.toSet());
        String first = key.firstKeyId();
        if (!recorded.contains(first)) {
            record(new RegisterSigningKey(RegisterSigningKey.LEDGER_KEYS, first, CheckpointKeys.ALGORITHM,
                    key.publicKeyText(first).orElseThrow(), firstUse(first), null, null));
        }
        List<KeyRotation> rotations = key.rotations(clock.instant());
        for (KeyRotation rotation : rotations) {
            if (!recorded.contains(rotation.keyId())) {
                record(new RegisterSigningKey(RegisterSigningKey.LEDGER_KEYS, rotation.keyId(),
                        CheckpointKeys.ALGORITHM, rotation.publicKey(), rotation.validFrom(), rotation.previousKeyId(),
                        rotation.signature()));
            }
        }
        return RecordedKeys.read(jdbc, serializer).stream().filter(k -> k.event().keyId().equals(key.keyId()))
                .map(k -> new Registration(k.event().keyId(), k.position())).findFirst().orElseThrow();
    }

    /**
     * Records a key as the process holding the key file, which no one signs in to: the operating system's user, in
     * the role of the key's holder, by the channel of the signing keys.
     */
    private void record(RegisterSigningKey command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                RecordingMetaData.CHANNEL, CHANNEL, RecordingMetaData.USER, System.getProperty("user.name", "?"),
                RecordingMetaData.ROLE, ROLE)));
    }

    /** When the ledger first used the first key: its first checkpoint, or now when it signed none yet. */
    private Instant firstUse(String keyId) {
        return jdbc.query("SELECT signed_at FROM ledger_checkpoint WHERE key_id = ? ORDER BY tree_size LIMIT 1",
                        (row, n) -> row.getObject(1, OffsetDateTime.class).toInstant(), keyId).stream().findFirst()
                .orElseGet(clock::instant);
    }
}
