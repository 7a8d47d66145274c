package org.programmeledger.analytics.views;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.programmeledger.ledger.facade.LedgerEventReads;
import org.springframework.util.ClassUtils;

/**
 * How a replay hands one event to the views' projection. When the processor's handlers are the projection alone,
 * its {@code @EventHandler} methods are called directly: each payload type's method (the most specific one that
 * takes it, as Axon chooses) and the way to each of its arguments are found once, where Axon's invoker resolved
 * them for every event (a quarter of a rebuild's processor time, BENCHMARKS.md round 6). The methods are the
 * ones the live processor calls, so both write the same rows. Any other handler in the group, and the replay
 * goes through Axon's invoker.
 */
interface ProjectionCalls {

    void handle(TrackedEventMessage<?> event) throws Exception;

    /**
     * Up to {@code size} events after position {@code after}, as a replay's page keeps them until their handlers have
     * run, payloads and timestamps decoded (on the reader's thread). Through Axon's invoker: the events as read, their
     * serialized form with them (another handler may read the metadata).
     */
    default List<TrackedEventMessage<?>> read(LedgerEventReads events, long after, int size) {
        List<TrackedEventMessage<?>> read = events.after(after, size);
        read.forEach(event -> {
            event.getPayload();
            event.getTimestamp();
        });
        return read;
    }

    /**
     * Handles a replay's page in one unit of work, which {@code prepare} sets up (its transaction, what its commit
     * writes): Axon's batching unit, as the processor uses, each event its current message in turn (another handler
     * may look at it).
     */
    default ResultMessage<?> handlePage(List<TrackedEventMessage<?>> page, Consumer<UnitOfWork<?>> prepare) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(page);
        prepare.accept(unit);
        return unit.executeWithResult(() -> {
            handle(unit.getMessage());
            return null;
        });
    }

    static ProjectionCalls of(EventHandlerInvoker invoker, LedgerViewsProjection projection) {
        if (onlyThe(projection, invoker)) {
            return new Direct(projection);
        }
        return event -> invoker.handle(event, Segment.ROOT_SEGMENT);
    }

    /** Whether {@code invoker} (Axon's configuration wraps a group's invoker in a multi-invoker) holds only it. */
    private static boolean onlyThe(LedgerViewsProjection projection, EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().size() == 1 && onlyThe(projection, multi.delegates().get(0));
        }
        return invoker instanceof SimpleEventHandlerInvoker simple && simple.eventHandlers().size() == 1
                && simple.eventHandlers().get(0) instanceof AnnotationEventHandlerAdapter adapter
                && adapter.getTargetType() == ClassUtils.getUserClass(projection);
    }

    /** The projection's handler methods, each payload type's found once. */
    final class Direct implements ProjectionCalls {

        private record Call(Method method, List<Function<TrackedEventMessage<?>, Object>> arguments) {
        }

        private final LedgerViewsProjection projection;
        private final List<Method> handlers;
        private final Map<Class<?>, Call> calls = new ConcurrentHashMap<>();

        Direct(LedgerViewsProjection projection) {
            this.projection = projection;
            this.handlers = Arrays.stream(ClassUtils.getUserClass(projection).getDeclaredMethods())
                    .filter(method -> method.isAnnotationPresent(EventHandler.class)).toList();
            handlers.forEach(method -> method.setAccessible(true));
        }

        /**
         * Only what the projection's handlers take ({@link #argument}): the decoded payload, sequence number,
         * timestamp and token. The serialized payload and metadata, which Axon's message keeps beside the decoded
         * payload, are not kept (two pages of 5 000 held 25 MiB at 10^6), nor, without upcasters, read.
         */
        @Override
        public List<TrackedEventMessage<?>> read(LedgerEventReads events, long after, int size) {
            return events.afterWithoutMetaData(after, size);
        }

        /**
         * One plain unit of work for the page: the projection's handlers take only its resources and commit, never its
         * message. Axon's batching unit made a processing context and a result per event, each result with a random
         * identifier from {@code SecureRandom}: a sixth of the rebuilding thread at 10^5 events (BENCHMARKS.md, round
         * 12). A failing handler rolls the page back alike.
         */
        @Override
        public ResultMessage<?> handlePage(List<TrackedEventMessage<?>> page, Consumer<UnitOfWork<?>> prepare) {
            DefaultUnitOfWork<TrackedEventMessage<?>> unit = new DefaultUnitOfWork<>(page.get(page.size() - 1));
            prepare.accept(unit);
            return unit.executeWithResult(() -> {
                for (TrackedEventMessage<?> event : page) {
                    handle(event);
                }
                return null;
            });
        }

        @Override
        public void handle(TrackedEventMessage<?> event) throws Exception {
            Call call = calls.computeIfAbsent(event.getPayloadType(), this::callFor);
            Object[] arguments = new Object[call.arguments().size()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = call.arguments().get(i).apply(event);
            }
            try {
                call.method().invoke(projection, arguments);
            } catch (InvocationTargetException failed) {
                if (failed.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw failed;
            }
        }

        /** The handler whose event parameter is the most specific type that takes {@code payloadType}. */
        private Call callFor(Class<?> payloadType) {
            Method chosen = null;
            for (Method method : handlers) {
                Class<?> takes = method.getParameterTypes()[0];
                if (takes.isAssignableFrom(payloadType)
                        && (chosen == null || chosen.getParameterTypes()[0].isAssignableFrom(takes))) {
                    chosen = method;
                }
            }
            if (chosen == null) {
                throw new IllegalStateException("the views have no handler for " + payloadType.getName());
            }
            Parameter[] parameters = chosen.getParameters();
            List<Function<TrackedEventMessage<?>, Object>> arguments = new ArrayList<>();
            arguments.add(TrackedEventMessage::getPayload);
            for (Parameter parameter : Arrays.asList(parameters).subList(1, parameters.length)) {
                arguments.add(argument(chosen, parameter));
            }
            return new Call(chosen, List.copyOf(arguments));
        }

        /** The parameters the projection's handlers take besides the event; Axon resolves the same ones so. */
        private static Function<TrackedEventMessage<?>, Object> argument(Method method, Parameter parameter) {
            if (parameter.isAnnotationPresent(SequenceNumber.class)) {
                return event -> ((DomainEventMessage<?>) event).getSequenceNumber();
            }
            if (parameter.isAnnotationPresent(Timestamp.class)) {
                return TrackedEventMessage::getTimestamp;
            }
            if (parameter.getType() == TrackingToken.class) {
                return TrackedEventMessage::trackingToken;
            }
            throw new IllegalStateException("a replay cannot give " + method + " its " + parameter);
        }
    }
}
