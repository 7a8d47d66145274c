package org.programmeledger.ledger.programme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.ProgrammeFigureRecorded;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.figure.FigureRules;
import org.programmeledger.ledger.registry.Registry;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledger.rules.Rules;

/** A co-operation programme, such as the Guangdong/Hong Kong Expert Group on the Protection of IPRs. */
@Aggregate
public class Programme {

    @AggregateIdentifier
    private String programmeId;
    private String name;
    private final Map<String, ProgrammeFigureRecorded> figures = new HashMap<>();

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

    @CommandHandler
    Long handle(RecordProgrammeFigure command, Registry registry) {
        Rules.requireText(command.figureId(), "figure id");
        String what = "figure " + command.figureId() + " of programme " + programmeId;
        Rules.requireText(command.metric(), "the metric of " + what);
        Rules.requireText(command.unit(), "the unit of " + what);
        FigureRules.requireValue(command.value(), command.valueHigh(), command.qualifier(), what);
        Rules.require(command.side() != null, "the side of " + what + " is required");
        Rules.require(command.basis() != null, "the basis of " + what + " is required");
        Extent extent = command.extent() == null ? Extent.unstated() : command.extent();
        Rules.require(!extent.endsBeforeItStarts(), "the range of " + what + " ends (" + extent.end()
                + ") before it starts (" + extent.start() + ")");
        Rules.require(command.basis() != Basis.CUMULATIVE || extent.precision() != DatePrecision.UNSTATED,
                "cumulative " + what + " needs its base date: give its extent as BASE/END");
        Aggregation aggregation = FigureRules.requireCatalogued(registry, command.metric().trim(),
                command.unit().trim(), command.basis(), what);
        String partOf = blankToNull(command.partOf());
        if (partOf != null) {
            ProgrammeFigureRecorded whole = figures.get(partOf);
            FigureRules.requirePartOf(new FigureRules.Counted(command.figureId(), command.metric().trim(),
                            command.unit().trim(), command.value(), command.qualifier()),
                    whole == null ? null : new FigureRules.Counted(partOf, whole.metric(), whole.unit(),
                            whole.value(), whole.qualifier()), partOf, "programme " + programmeId);
        }
        ProgrammeFigureRecorded wanted = new ProgrammeFigureRecorded(programmeId, command.figureId(),
                command.metric().trim(), FigureValues.normalise(command.value()),
                command.valueHigh() == null ? null : FigureValues.normalise(command.valueHigh()),
                command.unit().trim(), command.qualifier(), command.side(), extent, blankToNull(command.dateLabel()),
                command.basis(), partOf, command.source(), command.sourceReference(), aggregation);
        ProgrammeFigureRecorded existing = figures.get(command.figureId());
        if (existing == null) {
            apply(wanted);
        } else if (!existing.equals(wanted)) {
            throw new LedgerRuleViolation(what + " is already recorded with other details");
        }
        return AggregateLifecycle.getVersion();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @EventSourcingHandler
    void on(ProgrammeFigureRecorded event) {
        figures.put(event.figureId(), event);
    }

    @EventSourcingHandler
    void on(ProgrammeEstablished event) {
        programmeId = event.programmeId();
        name = event.name();
    }
}
