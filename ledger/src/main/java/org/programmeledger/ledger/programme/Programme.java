package org.programmeledger.ledger.programme;

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
import org.programmeledger.ledger.api.AdoptProgrammeValue;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.BatchOutcome;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.ProgrammeAlternativeValueRecorded;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledger.api.ProgrammeFigureRecorded;
import org.programmeledger.ledger.api.ProgrammeRecording;
import org.programmeledger.ledger.api.ProgrammeValueAdopted;
import org.programmeledger.ledger.api.RecordProgrammeAlternativeValue;
import org.programmeledger.ledger.api.RecordProgrammeBatch;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.figure.FigureDisputes;
import org.programmeledger.ledger.figure.FigureRules;
import org.programmeledger.ledger.registry.Registry;
import org.programmeledger.ledger.rules.Batches;
import org.programmeledger.ledger.rules.Rules;

/** A co-operation programme, such as the Guangdong/Hong Kong Expert Group on the Protection of IPRs. */
@Aggregate
public class Programme {

    @AggregateIdentifier
    private String programmeId;
    private String name;
    private final Map<String, ProgrammeFigureRecorded> figures = new HashMap<>();
    private final FigureDisputes disputes = new FigureDisputes();

    /** The import line of the command of a batch being decided; not state. */
    private transient Long batchLine;

    protected Programme() {
    }

    /** Decides each command of the batch in order, as its own handler would alone (see {@link Batches}). */
    @CommandHandler
    BatchOutcome handle(RecordProgrammeBatch batch, Registry registry) {
        Batches.requireOneTarget(programmeId, batch.lines(), ProgrammeRecording::programmeId, "programme");
        return Batches.decideEach(batch.lines(), (line, command) -> {
            batchLine = line;
            try {
                if (command instanceof RecordProgrammeFigure figure) {
                    handle(figure, registry);
                } else if (command instanceof RecordProgrammeAlternativeValue alternative) {
                    handle(alternative);
                } else if (command instanceof AdoptProgrammeValue adopt) {
                    handle(adopt);
                }
            } finally {
                batchLine = null;
            }
        });
    }

    private void record(Object event) {
        Batches.apply(event, batchLine);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(EstablishProgramme command) {
        Rules.requireText(command.programmeId(), "programme id");
        Rules.requireText(command.name(), "programme name");
        if (programmeId == null) {
            record(new ProgrammeEstablished(command.programmeId(), command.name().trim()));
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
        String partOf = blankToNull(command.partOf());
        ProgrammeFigureRecorded existing = figures.get(command.figureId());
        if (existing != null) {
            // The same row again records nothing, whatever the catalogue says since: as recorded, with its aggregation.
            if (!existing.equals(fact(command, extent, partOf, existing.aggregation()))) {
                throw new LedgerRuleViolation(what + " is already recorded with other details");
            }
            return AggregateLifecycle.getVersion();
        }
        Aggregation aggregation = FigureRules.requireCatalogued(registry, command.metric().trim(),
                command.unit().trim(), command.basis(), what);
        if (partOf != null) {
            ProgrammeFigureRecorded whole = figures.get(partOf);
            FigureRules.requirePartOf(new FigureRules.Counted(command.figureId(), command.metric().trim(),
                            command.unit().trim(), command.value(), command.qualifier()),
                    whole == null ? null : new FigureRules.Counted(partOf, whole.metric(), whole.unit(),
                            whole.value(), whole.qualifier()), partOf, "programme " + programmeId);
        }
        record(fact(command, extent, partOf, aggregation));
        return AggregateLifecycle.getVersion();
    }

    private ProgrammeFigureRecorded fact(RecordProgrammeFigure command, Extent extent, String partOf,
                                         Aggregation aggregation) {
        return new ProgrammeFigureRecorded(programmeId, command.figureId(), command.metric().trim(),
                FigureValues.normalise(command.value()),
                command.valueHigh() == null ? null : FigureValues.normalise(command.valueHigh()),
                command.unit().trim(), command.qualifier(), command.side(), extent, blankToNull(command.dateLabel()),
                command.basis(), partOf, command.source(), command.sourceReference(), aggregation);
    }

    @CommandHandler
    Long handle(RecordProgrammeAlternativeValue command) {
        ProgrammeFigureRecorded figure = requireFigure(command.figureId());
        FigureDisputes.Alternative alternative = disputes.alternative(command.figureId(), new FigureDisputes.Value(
                command.value(), command.valueHigh(), command.qualifier()), command.source(),
                command.sourceReference(), valueOf(figure));
        if (alternative != null) {
            record(new ProgrammeAlternativeValueRecorded(programmeId, alternative.figureId(),
                    alternative.valueNumber(), alternative.value().value(), alternative.value().high(),
                    alternative.value().qualifier(), alternative.source(), alternative.sourceReference()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(AdoptProgrammeValue command) {
        ProgrammeFigureRecorded figure = requireFigure(command.figureId());
        FigureDisputes.Adoption adoption = disputes.adoption(command.figureId(), command.valueNumber(),
                command.reason(), valueOf(figure));
        if (adoption != null) {
            record(new ProgrammeValueAdopted(programmeId, adoption.figureId(), adoption.valueNumber(),
                    adoption.value().value(), adoption.value().high(), adoption.value().qualifier(),
                    adoption.reason()));
        }
        return AggregateLifecycle.getVersion();
    }

    private ProgrammeFigureRecorded requireFigure(String figureId) {
        ProgrammeFigureRecorded figure = figures.get(figureId);
        Rules.require(figure != null, "figure " + figureId + " is not recorded in programme " + programmeId);
        return figure;
    }

    /** A programme's fact is never corrected: the value first recorded is value 0. */
    private static FigureDisputes.Value valueOf(ProgrammeFigureRecorded figure) {
        return new FigureDisputes.Value(figure.value(), figure.valueHigh(), figure.qualifier());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @EventSourcingHandler
    void on(ProgrammeFigureRecorded event) {
        figures.put(event.figureId(), event);
    }

    @EventSourcingHandler
    void on(ProgrammeAlternativeValueRecorded event) {
        disputes.recorded(new FigureDisputes.Alternative(event.figureId(), event.valueNumber(),
                new FigureDisputes.Value(event.value(), event.valueHigh(), event.qualifier()), event.source(),
                event.sourceReference()));
    }

    @EventSourcingHandler
    void on(ProgrammeValueAdopted event) {
        disputes.adopted(new FigureDisputes.Adoption(event.figureId(), event.valueNumber(),
                new FigureDisputes.Value(event.value(), event.valueHigh(), event.qualifier()), event.reason()));
    }

    @EventSourcingHandler
    void on(ProgrammeEstablished event) {
        programmeId = event.programmeId();
        name = event.name();
    }
}
