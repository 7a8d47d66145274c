package org.programmeledger.ledger.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.StaleVersion;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Times every command by type and outcome ({@code ledger.commands}: handled, refused by a rule, failed)
 * and logs one line per command with its correlation id, user and outcome, never its figures.
 * Axon registers it on the command bus, outermost, so that it sees what the other interceptors made of a command.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger LOG = LoggerFactory.getLogger("ledger.commands");

    private final MeterRegistry registry;
    /** Each timer built and registered once: looking it up per command was 2% of a sender (BENCHMARKS.md round 9). */
    private final Map<Class<?>, Map<String, Timer>> timers = new ConcurrentHashMap<>();

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private Timer timer(Class<?> command, String outcome) {
        return timers.computeIfAbsent(command, type -> new ConcurrentHashMap<>()).computeIfAbsent(outcome,
                tag -> Timer.builder("ledger.commands").description("Commands handled by the ledger")
                        .tag("command", command.getSimpleName()).tag("outcome", tag).register(registry));
    }

    /** The file and line of an imported row, so that a refusal in the log points at it; a batch has no line. */
    private static String where(CommandMessage<?> command) {
        Object file = command.getMetaData().get(RecordingMetaData.FILE);
        Object line = command.getMetaData().get(RecordingMetaData.LINE);
        return file == null ? "" : " " + file + (line == null ? "" : ":" + line);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Class<?> type = command.getPayloadType();
        long started = System.nanoTime();
        String outcome = "handled";
        String why = "";
        try {
            return chain.proceed();
        } catch (LedgerRuleViolation | StaleVersion e) {
            outcome = "refused";
            why = ": " + e.getMessage();
            throw e;
        } catch (AggregateNotFoundException e) {
            outcome = "refused";
            why = ": '" + e.getAggregateIdentifier() + "' is not in the ledger";
            throw e;
        } catch (Exception | Error e) {
            outcome = "failed";
            throw e;
        } finally {
            long elapsed = System.nanoTime() - started;
            timer(type, outcome).record(elapsed, TimeUnit.NANOSECONDS);
            if (LOG.isInfoEnabled()) {
                LOG.info("command {} {} by {} ({}) via {}{} correlation={} in {} ms{}", type.getSimpleName(), outcome,
                        command.getMetaData().getOrDefault(RecordingMetaData.USER, "?"),
                        command.getMetaData().getOrDefault(RecordingMetaData.ROLE, "?"),
                        command.getMetaData().getOrDefault(RecordingMetaData.CHANNEL, "?"), where(command),
                        command.getMetaData().getOrDefault("correlationId", command.getIdentifier()),
                        elapsed / 1_000_000, why);
            }
        }
    }
}
