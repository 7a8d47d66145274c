package org.programmeledger.ledger.period;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.programmeledger.ledger.commands.GroupCommit;
import org.programmeledger.ledger.identity.PublicationPolicy;
import org.programmeledger.ledger.store.EventStoreSettings;
import org.programmeledger.ledger.store.ImportRuns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationPolicy.class)
class PlanPeriodConfiguration {

    /**
     * A plan period collects every activity and figure of years of work; a snapshot bounds its loading, taken more
     * rarely as the period grows (GrowingSnapshotTriggerDefinition).
     */
    @Bean
    SnapshotTriggerDefinition planPeriodSnapshots(Snapshotter snapshotter, EventStoreSettings settings,
                                                  @Qualifier("planPeriodCache") Cache planPeriods,
                                                  @Qualifier("planPeriodLocks") LockFactory locks,
                                                  ObjectProvider<EventStore> eventStore,
                                                  TransactionManager transactions) {
        Snapshotter besideImports = snapshotter;
        if (planPeriods instanceof CheckedAggregateCache checked) {
            HeldPeriodSnapshots fromMemory = new HeldPeriodSnapshots(locks, eventStore, transactions);
            besideImports = new SnapshotsBesideImports(snapshotter, checked, fromMemory::take);
        }
        return new GrowingSnapshotTriggerDefinition(besideImports, settings.snapshotThreshold());
    }

    /**
     * The plan periods' locks, named by {@link PlanPeriod}'s {@code @Aggregate}: Axon's default, shared with
     * {@link HeldPeriodSnapshots}, which snapshots a period under its lock.
     */
    @Bean
    LockFactory planPeriodLocks() {
        return PessimisticLockFactory.usingDefaults();
    }

    /**
     * Plan periods made with their constructor, where Axon's Spring default makes each a prototype bean: 4% of an
     * import's thread at 10^6 events (a period is made every time it is loaded). A period takes no injected fields.
     * Axon uses a bean of this name for the aggregate's factory; its handlers' parameters are Spring beans.
     */
    @Bean
    AggregateFactory<PlanPeriod> planPeriodAggregateFactory(ParameterResolverFactory parameterResolverFactory,
                                                           HandlerDefinition handlerDefinition) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(PlanPeriod.class,
                parameterResolverFactory, handlerDefinition));
    }

    /** Named by {@link PlanPeriod}'s {@code @Aggregate}. */
    @Bean
    PlanPeriodTargets planPeriodTargets() {
        return new PlanPeriodTargets();
    }

    /**
     * A command that collided with another node's events is sent once more (see CheckedAggregateCache); commands sent
     * outside a transaction are committed in groups (see GroupCommit).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, GroupCommit groupCommit) {
        return DefaultCommandGateway.builder().commandBus(groupCommit.sendingTo(commandBus))
                .retryScheduler(new RetryAfterCollision()).build();
    }

    /** Loaded plan periods stay in memory while the store has nothing newer (see CheckedAggregateCache). */
    @Bean
    Cache planPeriodCache(EventStoreSettings settings, ObjectProvider<EventStore> eventStore, ImportRuns importRuns) {
        return settings.cachedPlanPeriods() == 0 ? NoCache.INSTANCE
                : new CheckedAggregateCache(settings.cachedPlanPeriods(), eventStore, importRuns,
                        settings.importHeldEvents());
    }
}
