package org.programmeledger.ledger.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Executors;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.programmeledger.ledger.service.CanonicalJson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event store: Axon's JDBC engine on the application's data source (H2 by default), with tables in
 * snake_case created by Flyway, events stored as JSON text by one explicitly configured Jackson
 * mapper (so stored events never change format when a dependency changes). The engine itself, which
 * authenticates every append, is {@code sealing.SealingConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EventStoreSettings.class, NodeSettings.class, StoreSettings.class})
public class EventStoreConfiguration {

    /**
     * Migrates the schema; when that fails, the store is asked once more (a new connection and a query) and its own
     * error is the one thrown, with Flyway's beside it. Flyway drops some: H2 opening a store on a full disk could not
     * write, closed the database, and Flyway, left without a current schema, failed with a NullPointerException.
     */
    @Bean
    FlywayMigrationStrategy migrationNamingTheStoresOwnFailure() {
        return flyway -> {
            try {
                flyway.migrate();
            } catch (RuntimeException failed) {
                try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                } catch (SQLException storeFailure) {
                    IllegalStateException cannotOpen = new IllegalStateException("the store cannot be opened: "
                            + storeFailure.getMessage(), storeFailure);
                    cannotOpen.addSuppressed(failed);
                    throw cannotOpen;
                }
                throw failed;
            }
        };
    }

    /** The mapper for everything the ledger stores: ISO dates, properties and map keys in a fixed order. */
    public static ObjectMapper canonicalObjectMapper() {
        return CanonicalJson.mapper();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson();
    }

    private static Serializer jackson() {
        return new ClassCachingJacksonSerializer(JacksonSerializer.builder().objectMapper(canonicalObjectMapper()));
    }

    /**
     * Snapshots hold an aggregate's private fields, which have no getters; they are read by field. Their maps
     * are keyed by ids, which Jackson would otherwise intern and add to its table of field names one by one:
     * a third of the time of loading a plan period went there.
     */
    public static Serializer snapshotSerializer() {
        ObjectMapper mapper = CanonicalJson.mapper(JsonFactory.builder()
                        .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** Axon's event store as its auto-configuration builds it, but with staged events found in linear time. */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    LedgerEventStore eventStore(EventStorageEngine storageEngine, EventStoreSettings settings,
                                         org.axonframework.config.Configuration configuration) {
        return new LedgerEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)),
                Duration.ofMillis(settings.fetchSpacingMillis()));
    }

    /** What Axon's JDBC auto-configuration would give, which it leaves out once an event store is defined. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Axon's JDBC token store, with claims named after this node so that nodes never mistake each other's. */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 TokenStoreProperties tokenStoreProperties, NodeSettings node) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout());
        if (!node.id().isBlank()) {
            builder.nodeId(node.id());
        }
        return builder.build();
    }

    /**
     * Axon's snapshotter, but taking snapshots on a thread of its own after the command's transaction has
     * committed. On the command's thread (Axon's default) a snapshot needs a second connection while the
     * command still holds the plan period's lock; when as many other commands as the pool has connections
     * wait for that lock, each holding a connection, the snapshot waits for the pool's timeout (30 s) and
     * every one of them is answered 503. A snapshot only shortens loading, so one lost at shutdown is harmless.
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore, TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "ledger-snapshots");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }
}
