package org.programmeledger.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's event store finds the same staged events as Axon's own, for loading and for sequence numbers, and
 * hands its processors the stored events without keeping a cache of them.
 */
class LedgerEventStoreTest {

    @AfterEach
    void noUnitLeftOpen() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback(new IllegalStateException("left open"));
        }
    }

    @Test
    void seesTheStagedEventsAxonsOwnStoreSees() {
        Function<EmbeddedEventStore.Builder, EventStore> axons = EmbeddedEventStore.Builder::build;
        Staged expected = stageAndRead(axons);
        Staged ledgers = stageAndRead(builder -> new LedgerEventStore(builder, Duration.ofMillis(25)));

        assertThat(ledgers).isEqualTo(expected);
        // Not trivially equal: the earlier command's events, not the rolled-back one's, the current one's, and
        // once each while the current unit commits (when its events are in its parent's list too).
        assertThat(expected.whileCurrent()).containsExactly("0", "1", "3");
        assertThat(expected.whileCommitting()).containsExactly("0", "1", "3");
        assertThat(expected.lastSequenceNumber()).isEqualTo(3L);
    }

    @Test
    void aWaitingProcessorSeesEventsCommittedWhileItWaitsAndNothingIsCachedForIt() throws Exception {
        AtomicInteger threadsAsked = new AtomicInteger();
        ThreadFactory cacheThreads = task -> {
            threadsAsked.incrementAndGet();
            return new Thread(task);
        };
        LedgerEventStore store = new LedgerEventStore(EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).threadFactory(cacheThreads), Duration.ofMillis(25));
        try (TrackingEventStream stream = store.openStream(null)) {
            assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return stream.hasNextAvailable(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            DefaultUnitOfWork.startAndGet(null);
            store.publish(event("period-1", 0), event("period-1", 1));
            CurrentUnitOfWork.commit();

            assertThat(waiting.get(60, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("0");
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("1");
            assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
        }
        // Axon's cache of recent events runs on a thread of its own, which a caught-up stream would have started.
        assertThat(threadsAsked).hasValue(0);
    }

    @Test
    void aWokenStreamStopsWaitingAtOnceAndStillSeesLaterEvents() throws Exception {
        LedgerEventStore store = new LedgerEventStore(EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()), Duration.ofMillis(25));
        try (TrackingEventStream stream = store.openStream(null)) {
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return stream.hasNextAvailable(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            // Woken until it answers (the wait may not have begun at the first wake), for a minute at most: far less
            // than the ten minutes it would otherwise wait.
            Boolean answer = null;
            for (int tries = 0; answer == null && tries < 3000; tries++) {
                store.wakeWaitingStreams();
                try {
                    answer = waiting.get(20, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    // again
                }
            }
            assertThat(answer).isFalse();

            DefaultUnitOfWork.startAndGet(null);
            store.publish(event("period-1", 0));
            CurrentUnitOfWork.commit();
            assertThat(stream.hasNextAvailable(60, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("0");
        }
    }

    private record Staged(List<String> whileCurrent, List<String> whileCommitting, Long lastSequenceNumber) {
    }

    /** An import's file: a root unit, a command that recorded, one that was rolled back, and the current one. */
    private static Staged stageAndRead(Function<EmbeddedEventStore.Builder, EventStore> build) {
        EventStore store = build.apply(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()));
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        UnitOfWork<?> earlier = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("period-1", 0), event("period-1", 1), event("period-2", 0));
        earlier.commit();
        UnitOfWork<?> refused = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("period-1", 2));
        refused.rollback(new IllegalStateException("refused"));
        UnitOfWork<?> current = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("period-1", 3));
        List<String> whileCommitting = new ArrayList<>();
        current.onCommit(unit -> whileCommitting.addAll(payloads(store, "period-1")));
        List<String> whileCurrent = payloads(store, "period-1");
        Long last = store.lastSequenceNumberFor("period-1").orElse(null);
        current.commit();
        root.rollback(new IllegalStateException("the test stores nothing"));
        return new Staged(whileCurrent, whileCommitting, last);
    }

    private static List<String> payloads(EventStore store, String aggregate) {
        List<String> payloads = new ArrayList<>();
        store.readEvents(aggregate).forEachRemaining(event -> payloads.add((String) event.getPayload()));
        return payloads;
    }

    private static DomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("PlanPeriod", aggregate, sequence, Long.toString(sequence));
    }
}
