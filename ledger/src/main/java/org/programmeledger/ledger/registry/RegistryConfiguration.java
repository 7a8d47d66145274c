package org.programmeledger.ledger.registry;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    /** The registry must be updated in the transaction of the event, or a rule could read a stale registry. */
    @Autowired
    void registerSubscribingProcessor(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(JdbcRegistry.PROCESSING_GROUP);
    }
}
