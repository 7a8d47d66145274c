package org.programmeledger.ledger.store;

import java.time.Clock;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who recorded a command and how it reached the ledger, copied from the command onto every event it
 * causes, so the audit trail shows where each event came from. Axon adds its correlation and trace ids.
 */
@Configuration(proxyBeanMethods = false)
public class RecordingMetaData {

    /** The user who sent the command. */
    public static final String USER = "user";
    /** The role the user acted in. */
    public static final String ROLE = "role";
    /** The way the command came in: "http", "http-import", "csv-import". */
    public static final String CHANNEL = "channel";
    /** The import file a command came from. */
    public static final String FILE = "file";
    /** The line of the import file a command came from. */
    public static final String LINE = "line";
    /** The client's Idempotency-Key, where one was sent. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** When the server accepted the command (ISO-8601, UTC). */
    public static final String RECORDED_AT = "recordedAt";
    /** The version of the aggregate the client saw; a command is refused when the aggregate has moved on. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    @Bean
    CorrelationDataProvider recordingMetaDataProvider() {
        return new SimpleCorrelationDataProvider(USER, ROLE, CHANNEL, FILE, LINE, IDEMPOTENCY_KEY, RECORDED_AT);
    }

    /** Axon's own correlation and trace ids, which it only adds when no other provider is defined. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** The server's clock; tests replace it to get the same recording times every run. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
