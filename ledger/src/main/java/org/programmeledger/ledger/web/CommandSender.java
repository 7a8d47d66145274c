package org.programmeledger.ledger.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.programmeledger.ledger.hashing.Sha256;
import org.programmeledger.ledger.store.EventStoreConfiguration;
import org.programmeledger.ledger.store.LedgerTransactions;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sends the commands of the REST API. With an Idempotency-Key, the command and its first answer are
 * stored in one transaction: a retry with the same body gets that answer and records nothing, the same
 * key with another body is refused, and two concurrent requests with one key record once.
 */
@Component
public class CommandSender {

    private static final ObjectMapper JSON = EventStoreConfiguration.canonicalObjectMapper();

    private final CommandGateway commands;
    private final LedgerTransactions transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CommandSender(CommandGateway commands, LedgerTransactions transactions, JdbcTemplate jdbc, Clock clock) {
        this.commands = commands;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Sends a command and answers with what {@code answer} makes of the aggregate's new version.
     *
     * @param expectedVersion the version the client saw (If-Match), or null
     * @param idempotencyKey  the client's Idempotency-Key, or null
     */
    public ResponseEntity<String> send(Object command, Long expectedVersion, String idempotencyKey,
                                       Function<Long, ResponseEntity<?>> answer) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(RecordingMetaData.CHANNEL, "http");
        if (expectedVersion != null) {
            metaData.put(RecordingMetaData.EXPECTED_VERSION, expectedVersion);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return rendered(answer.apply(dispatch(command, metaData)));
        }
        metaData.put(RecordingMetaData.IDEMPOTENCY_KEY, idempotencyKey);
        String principal = SecurityContextHolder.getContext().getAuthentication().getName();
        String requestHash = hash(command, expectedVersion);
        try {
            return transactions.inOne(() -> previousAnswer(principal, idempotencyKey, requestHash)
                    .orElseGet(() -> {
                        ResponseEntity<String> response = rendered(answer.apply(dispatch(command, metaData)));
                        jdbc.update("INSERT INTO idempotency_record (principal, idempotency_key, request_hash, "
                                        + "response_status, response_body, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                                principal, idempotencyKey, requestHash, response.getStatusCode().value(),
                                response.getBody(), clock.instant().toString());
                        return response;
                    })).result();
        } catch (DuplicateKeyException concurrentRetry) {
            return previousAnswer(principal, idempotencyKey, requestHash).orElseThrow(() -> concurrentRetry);
        }
    }

    private Long dispatch(Object command, Map<String, Object> metaData) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private Optional<ResponseEntity<String>> previousAnswer(String principal, String key, String requestHash) {
        List<ResponseEntity<String>> stored = jdbc.query("SELECT request_hash, response_status, response_body "
                        + "FROM idempotency_record WHERE principal = ? AND idempotency_key = ?",
                (row, n) -> {
                    if (!row.getString(1).equals(requestHash)) {
                        throw new IdempotencyConflict(key);
                    }
                    return ResponseEntity.status(row.getInt(2)).header("Content-Type", "application/json")
                            .header("Idempotent-Replayed", "true").body(row.getString(3));
                }, principal, key);
        return stored.stream().findFirst();
    }

    /** Answers are stored as the JSON text sent, so a replay is byte for byte the first answer. */
    private static ResponseEntity<String> rendered(ResponseEntity<?> response) {
        try {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header("Content-Type", "application/json").body(JSON.writeValueAsString(response.getBody()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + response.getBody(), e);
        }
    }

    private static String hash(Object command, Long expectedVersion) {
        try {
            byte[] canonical = (command.getClass().getName() + JSON.writeValueAsString(command) + expectedVersion)
                    .getBytes(StandardCharsets.UTF_8);
            return Sha256.hexOf(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash " + command, e);
        }
    }
}
