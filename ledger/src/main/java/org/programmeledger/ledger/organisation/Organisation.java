package org.programmeledger.ledger.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.OrganisationRegistered;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.rules.Rules;

/** An organisation of the registry: a name, the abbreviation the sources use, and its side. */
@Aggregate
public class Organisation {

    @AggregateIdentifier
    private String organisationId;
    private OrganisationRegistered registration;

    protected Organisation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(RegisterOrganisation command) {
        Rules.requireText(command.organisationId(), "organisation id");
        Rules.requireText(command.name(), "organisation name");
        Rules.require(command.side() != null, "the side of organisation " + command.organisationId() + " is required");
        Rules.require(command.side() != Side.JOINT,
                "an organisation belongs to one side; 'joint' is only for figures that the sides report together");
        OrganisationRegistered wanted = new OrganisationRegistered(command.organisationId(), command.name().trim(),
                blankToNull(command.abbreviation()), command.side());
        if (organisationId == null) {
            apply(wanted);
        } else if (!Objects.equals(registration, wanted)) {
            throw new LedgerRuleViolation("organisation " + organisationId + " is already registered as \""
                    + registration.name() + "\" (" + registration.side().label() + ") with other details");
        }
        return AggregateLifecycle.getVersion();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
        registration = event;
    }
}
