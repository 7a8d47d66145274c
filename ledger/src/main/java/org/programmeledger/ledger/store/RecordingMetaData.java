package org.programmeledger.ledger.store;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How a command reached the ledger, copied from the command onto every event it causes, so the audit
 * trail shows where each event came from.
 */
@Configuration(proxyBeanMethods = false)
public class RecordingMetaData {

    /** The way the command came in, e.g. "csv-import". */
    public static final String CHANNEL = "channel";
    /** The import file a command came from. */
    public static final String FILE = "file";
    /** The line of the import file a command came from. */
    public static final String LINE = "line";

    @Bean
    CorrelationDataProvider recordingMetaDataProvider() {
        return new SimpleCorrelationDataProvider(CHANNEL, FILE, LINE);
    }

    /** Axon's own correlation and trace ids, which it only adds when no other provider is defined. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
