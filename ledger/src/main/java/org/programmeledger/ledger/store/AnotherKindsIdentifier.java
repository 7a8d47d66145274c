package org.programmeledger.ledger.store;

import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.programmeledger.ledger.api.IdentifierTaken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Says which record a command's identifier names when it is another kind's. Axon loads a record from every event
 * stored under its identifier, whatever their kind: another kind's events leave it without an identifier, and Axon
 * refuses it as a fault of the code ({@link IncompatibleAggregateException}). Axon registers it on the command bus.
 */
@Component
class AnotherKindsIdentifier implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final JdbcTemplate jdbc;

    AnotherKindsIdentifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (IncompatibleAggregateException e) {
            String identifier = targets.resolveTarget(unitOfWork.getMessage()).getIdentifier();
            IdentifierTaken taken = new IdentifierTaken(identifier, kindNamed(identifier));
            taken.initCause(e);
            throw taken;
        }
    }

    /** "a plan period" for the events of Axon's type {@code PlanPeriod}; "the signing keys" for {@code SigningKeys}. */
    private String kindNamed(String identifier) {
        List<String> types = jdbc.queryForList("SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number FETCH FIRST 1 ROWS ONLY", String.class, identifier);
        if (types.isEmpty() || types.get(0) == null) {
            return "another kind of record";
        }
        String words = types.get(0).replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        String article = words.endsWith("s") ? "the " : "aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ";
        return article + words;
    }
}
