package org.programmeledger.ledger.programme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledger.rules.Rules;

/** A co-operation programme, such as the Guangdong/Hong Kong Expert Group on the Protection of IPRs. */
@Aggregate
public class Programme {

    @AggregateIdentifier
    private String programmeId;
    private String name;

    protected Programme() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(EstablishProgramme command) {
        Rules.requireText(command.programmeId(), "programme id");
        Rules.requireText(command.name(), "programme name");
        if (programmeId == null) {
            apply(new ProgrammeEstablished(command.programmeId(), command.name().trim()));
        } else if (!Objects.equals(name, command.name().trim())) {
            throw new LedgerRuleViolation("programme " + programmeId + " is already established as \"" + name
                    + "\"; it cannot be established again under another name");
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ProgrammeEstablished event) {
        programmeId = event.programmeId();
        name = event.name();
    }
}
