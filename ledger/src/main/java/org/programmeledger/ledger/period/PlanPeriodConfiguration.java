package org.programmeledger.ledger.period;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.programmeledger.ledger.store.EventStoreSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationPolicy.class)
class PlanPeriodConfiguration {

    /** A plan period collects every activity and figure of years of work; a snapshot bounds its loading. */
    @Bean
    SnapshotTriggerDefinition planPeriodSnapshots(Snapshotter snapshotter, EventStoreSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }
}
