package org.programmeledger.ledger.sealing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.programmeledger.ledger.store.EventStoreConfiguration;
import org.programmeledger.ledger.store.EventStoreSettings;
import org.programmeledger.ledger.store.StoreSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The event store's engine with authenticated appends, the signing key, the witnesses and the sequencer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SealingSettings.class)
public class SealingConfiguration {

    @Bean
    public SigningKey signingKey(SealingSettings settings, StoreSettings store) {
        return SigningKey.loadOrCreate(settings.keyFile(store.directory()));
    }

    @Bean
    public FolderWitness folderWitness(SealingSettings settings, StoreSettings store) {
        return new FolderWitness(settings.witnessDirectory(store.directory()));
    }

    @Bean
    public Sequencer sequencer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SigningKey key,
                               SealingSettings settings, List<Witness> witnesses) {
        return new Sequencer(jdbc, transactionManager, key, settings, witnesses, Clock.systemUTC());
    }

    @Bean
    public EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 EventStoreSettings settings,
                                                 JdbcTemplate jdbc, SigningKey key, Sequencer sequencer,
                                                 SealingSettings sealing, MeterRegistry registry) {
        SnapshotAuthenticity snapshots = new SnapshotAuthenticity(key);
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(EventStoreConfiguration.snapshotSerializer())
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter().combine(snapshots))
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(String.class)
                .batchSize(settings.batchSize())
                .gapTimeout(settings.gapTimeoutMillis())
                .gapCleaningThreshold(settings.gapCleaningThreshold());
        Counter appended = Counter.builder("ledger.events.appended").description("Events appended and committed")
                .register(registry);
        return new SealingEventStorageEngine(builder, transactionManager, jdbc, key, events -> {
            appended.increment(events);
            sequencer.committed();
        }, sealing.positionBlockSize() > 0 && sequencer.onPostgres()
                ? new PositionBlocks(sealing.positionBlockSize(), sealing.positionBlockMillis(), System::nanoTime)
                : null, snapshots);
    }
}
