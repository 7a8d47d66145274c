package org.programmeledger.ledger.period;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.AlternativeValueRecorded;
import org.programmeledger.ledger.api.AmendItem;
import org.programmeledger.ledger.api.ApprovePeriod;
import org.programmeledger.ledger.api.BatchOutcome;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.ItemCompleted;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.PeriodApproved;
import org.programmeledger.ledger.api.PeriodPublished;
import org.programmeledger.ledger.api.PeriodReturned;
import org.programmeledger.ledger.api.PeriodSubmitted;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.PlanPeriodRecording;
import org.programmeledger.ledger.api.PublishPeriod;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RecordPlanPeriodBatch;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.api.ReturnPeriod;
import org.programmeledger.ledger.api.StaleVersion;
import org.programmeledger.ledger.api.SubmitPeriod;
import org.programmeledger.ledger.api.ValueAdopted;
import org.programmeledger.ledger.service.LedgerRole;
import org.programmeledger.ledger.identity.PublicationPolicy;
import org.programmeledger.ledger.registry.Registry;
import org.programmeledger.ledger.rules.Batches;
import org.programmeledger.ledger.rules.Rules;
import org.programmeledger.ledger.store.RecordingMetaData;

/**
 * A plan period of a programme and everything recorded in it: its numbered items, their activities
 * and their figures. One consistency boundary, so that item numbers stay unique in the period and an
 * activity never lands on a completed item.
 * Re-sending a command whose event is already in the ledger changes nothing, so a file can be
 * imported twice; sending it with other details is refused, since changes go through corrections.
 * <p>
 * The handlers delegate: the rules to the policies of items, activities and figures ({@link ItemPolicy},
 * {@link ActivityPolicy}, {@link FigurePolicy}), the state to their records, and the four-state publication
 * workflow to {@link PublicationWorkflow}. The snapshot's revision names the shape of that state: snapshots of an
 * older shape are passed over and the period is loaded from its events. Revision 3 keeps of each recording only what
 * the rules read and a {@link Fingerprint} (a third of the heap of the whole events that revision 2 kept); revision 4
 * also every adoption of a figure's value, a later dispute notwithstanding.
 */
@Aggregate(snapshotTriggerDefinition = "planPeriodSnapshots", cache = "planPeriodCache",
        commandTargetResolver = "planPeriodTargets", lockFactory = "planPeriodLocks")
@Revision("4")
public class PlanPeriod {

    @AggregateIdentifier
    private String periodId;
    private PlanPeriodOpened opening;
    private final ItemRecords items = new ItemRecords();
    private final ActivityRecords activities = new ActivityRecords();
    private final FigureRecords figures = new FigureRecords();
    private final PublicationWorkflow publication = new PublicationWorkflow();
    /** The import line of the command of a batch being decided; not state, so never in a snapshot. */
    private transient Long batchLine;

    protected PlanPeriod() {
    }

    /** A client that names the version it saw is refused when the period has moved on since. */
    @CommandHandlerInterceptor
    Object refuseStaleVersions(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object expected = command.getMetaData().get(RecordingMetaData.EXPECTED_VERSION);
        Long current = AggregateLifecycle.getVersion();
        if (expected != null && !Long.valueOf(((Number) expected).longValue()).equals(current)) {
            throw new StaleVersion("plan period " + periodId, ((Number) expected).longValue(), current);
        }
        return chain.proceed();
    }

    /** Decides each command of the batch in order, as its own handler would alone (see {@link Batches}). */
    @CommandHandler
    BatchOutcome handle(RecordPlanPeriodBatch batch, Registry registry) {
        Batches.requireOneTarget(periodId, batch.lines(), PlanPeriodRecording::periodId, "plan period");
        return Batches.decideEach(batch.lines(), (line, command) -> {
            batchLine = line;
            try {
                decide(command, registry);
            } finally {
                batchLine = null;
            }
        });
    }

    private void decide(PlanPeriodRecording command, Registry registry) {
        if (command instanceof RegisterItem register) {
            handle(register, registry);
        } else if (command instanceof AmendItem amend) {
            handle(amend);
        } else if (command instanceof CompleteItem complete) {
            handle(complete);
        } else if (command instanceof RecordActivity activity) {
            handle(activity, registry);
        } else if (command instanceof RetractActivity retract) {
            handle(retract);
        } else if (command instanceof RecordFigure figure) {
            handle(figure, registry);
        } else if (command instanceof RecordAlternativeValue alternative) {
            handle(alternative);
        } else if (command instanceof AdoptValue adopt) {
            handle(adopt);
        } else if (command instanceof CorrectFigure correct) {
            handle(correct);
        }
    }

    private void record(Object event) {
        Batches.apply(event, batchLine);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(OpenPlanPeriod command, Registry registry) {
        Rules.requireText(command.periodId(), "plan period id");
        Rules.requireText(command.programmeId(), "programme id");
        Rules.requireText(command.label(), "plan period label");
        Rules.require(command.startsOn() != null && command.endsOn() != null,
                "plan period " + command.periodId() + " needs a start and an end date");
        Rules.require(!command.endsOn().isBefore(command.startsOn()), "plan period " + command.periodId()
                + " ends (" + command.endsOn() + ") before it starts (" + command.startsOn() + ")");
        Rules.require(registry.programmeEstablished(command.programmeId()),
                "programme " + command.programmeId() + " is not established");
        PlanPeriodOpened wanted = new PlanPeriodOpened(command.periodId(), command.programmeId(),
                command.label().trim(), command.startsOn(), command.endsOn());
        if (periodId == null) {
            record(wanted);
        } else if (!opening.equals(wanted)) {
            throw new LedgerRuleViolation("plan period " + periodId + " is already open with other details");
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RegisterItem command, Registry registry) {
        ItemPolicy.register(command, periodId, items, registry).ifPresent(this::record);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(AmendItem command) {
        record(ItemPolicy.amend(command, periodId, items, publication.latestPublication()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(CompleteItem command) {
        ItemPolicy.complete(command, periodId, items).ifPresent(this::record);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RecordActivity command, Registry registry) {
        ActivityPolicy.record(command, opening, items, activities, registry).ifPresent(this::record);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RetractActivity command) {
        record(ActivityPolicy.retract(command, periodId, activities, publication.latestPublication()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RecordFigure command, Registry registry) {
        FigurePolicy.record(command, opening, items, activities, figures, registry).ifPresent(this::record);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RecordAlternativeValue command) {
        FigurePolicy.recordAlternative(command, periodId, activities, figures).ifPresent(this::record);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(AdoptValue command) {
        FigurePolicy.adopt(command, periodId, activities, figures).ifPresent(this::record);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(CorrectFigure command) {
        record(FigurePolicy.correct(command, periodId, activities, figures, publication.latestPublication()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(SubmitPeriod command, @MetaDataValue(RecordingMetaData.USER) String user,
                @MetaDataValue(RecordingMetaData.ROLE) String role) {
        record(publication.submit(periodId, command, user, role));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(ApprovePeriod command, PublicationPolicy policy, @MetaDataValue(RecordingMetaData.USER) String user,
                @MetaDataValue(RecordingMetaData.ROLE) String role) {
        record(publication.approve(periodId, command, policy, user, role));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(ReturnPeriod command, PublicationPolicy policy, @MetaDataValue(RecordingMetaData.USER) String user,
                @MetaDataValue(RecordingMetaData.ROLE) String role) {
        record(publication.giveBack(periodId, command, policy, user, role));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(PublishPeriod command, @MetaDataValue(RecordingMetaData.USER) String user,
                @MetaDataValue(RecordingMetaData.ROLE) String role) {
        record(publication.publish(periodId, command, user, role));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(PlanPeriodOpened event) {
        periodId = event.periodId();
        opening = event;
    }

    @EventSourcingHandler
    void on(ItemRegistered event) {
        publication.changed();
        items.on(event);
    }

    @EventSourcingHandler
    void on(ItemAmended event) {
        publication.changed();
        items.on(event);
    }

    @EventSourcingHandler
    void on(ItemCompleted event) {
        publication.changed();
        items.on(event);
    }

    @EventSourcingHandler
    void on(ActivityRecorded event) {
        publication.changed();
        activities.on(event);
    }

    @EventSourcingHandler
    void on(ActivityRetracted event) {
        publication.changed();
        activities.on(event);
    }

    @EventSourcingHandler
    void on(FigureRecorded event) {
        publication.changed();
        figures.on(event);
    }

    @EventSourcingHandler
    void on(FigureCorrected event) {
        publication.changed();
        figures.on(event);
    }

    @EventSourcingHandler
    void on(AlternativeValueRecorded event) {
        publication.changed();
        figures.on(event);
    }

    @EventSourcingHandler
    void on(ValueAdopted event) {
        publication.changed();
        figures.on(event);
    }

    @EventSourcingHandler
    void on(PeriodSubmitted event) {
        publication.on(event);
    }

    @EventSourcingHandler
    void on(PeriodApproved event) {
        publication.on(event);
    }

    @EventSourcingHandler
    void on(PeriodReturned event) {
        publication.on(event);
    }

    @EventSourcingHandler
    void on(PeriodPublished event) {
        publication.on(event);
    }
}
