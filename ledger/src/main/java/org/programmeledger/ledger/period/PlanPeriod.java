package org.programmeledger.ledger.period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.AlternativeValueRecorded;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.ValueAdopted;
import org.programmeledger.ledger.figure.FigureDisputes;
import org.programmeledger.ledger.figure.FigureRules;
import org.programmeledger.ledger.api.AmendItem;
import org.programmeledger.ledger.api.BatchOutcome;
import org.programmeledger.ledger.api.PlanPeriodRecording;
import org.programmeledger.ledger.api.RecordPlanPeriodBatch;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.ItemCompleted;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.ApprovePeriod;
import org.programmeledger.ledger.api.PeriodApproved;
import org.programmeledger.ledger.api.PeriodPublished;
import org.programmeledger.ledger.api.PeriodReturned;
import org.programmeledger.ledger.api.PeriodStatus;
import org.programmeledger.ledger.api.PeriodSubmitted;
import org.programmeledger.ledger.api.PublishPeriod;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.api.ReturnPeriod;
import org.programmeledger.ledger.api.SubmitPeriod;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.api.StaleVersion;
import org.programmeledger.ledger.identity.LedgerRole;
import org.programmeledger.ledger.registry.Registry;
import org.programmeledger.ledger.rules.Rules;
import org.programmeledger.ledger.store.RecordingMetaData;

/**
 * A plan period of a programme and everything recorded in it: its numbered items, their activities
 * and their figures. One consistency boundary, so that item numbers stay unique in the period and an
 * activity never lands on a completed item.
 * Re-sending a command whose event is already in the ledger changes nothing, so a file can be
 * imported twice; sending it with other details is refused, since changes go through corrections.
 * <p>
 * Its figures go draft → submitted → approved → published. Recording stays open throughout: a change
 * after a submission or an approval only means it must be submitted (and approved) again before it is
 * published, and a correction after a publication names the publication it corrects.
 */
@Aggregate(snapshotTriggerDefinition = "planPeriodSnapshots", cache = "planPeriodCache")
public class PlanPeriod {

    @AggregateIdentifier
    private String periodId;
    private PlanPeriodOpened opening;
    private final Map<Integer, ItemRegistered> items = new HashMap<>();
    private final Map<Integer, String> currentTitles = new HashMap<>();
    private final Map<Integer, String> currentAreas = new HashMap<>();
    private final Set<Integer> completedItems = new HashSet<>();
    private final Map<String, ActivityRecorded> activities = new HashMap<>();
    private final Set<String> retractedActivities = new HashSet<>();
    private final Map<String, FigureRecorded> figures = new HashMap<>();
    private final Map<String, FigureCorrected> latestCorrections = new HashMap<>();
    private final FigureDisputes disputes = new FigureDisputes();
    private PeriodStatus status = PeriodStatus.DRAFT;
    /** How many events changed the period's content; a submission or an approval covers a count of them. */
    private int changes;
    private int changesSubmitted = -1;
    private int changesApproved = -1;
    private int changesPublished = -1;
    private String submittedBy;
    private int publications;
    /** The import line of the command of a batch being decided; not state, so never in a snapshot. */
    private transient Long batchLine;

    protected PlanPeriod() {
    }

    /**
     * Decides each command of the batch in order, as its own handler would alone; a refused command records
     * nothing and the next is decided, so the outcome lists every refusal of the batch with its line.
     */
    @CommandHandler
    BatchOutcome handle(RecordPlanPeriodBatch batch, Registry registry) {
        List<BatchOutcome.Refusal> refused = new ArrayList<>();
        List<Long> alreadyRecorded = new ArrayList<>();
        for (RecordPlanPeriodBatch.Line line : batch.lines()) {
            Rules.require(periodId.equals(line.command().periodId()), "line " + line.line() + " names plan period "
                    + line.command().periodId() + ", not " + periodId + "; a batch holds the commands of one period");
            Long before = AggregateLifecycle.getVersion();
            batchLine = line.line();
            try {
                decide(line.command(), registry);
                if (Objects.equals(before, AggregateLifecycle.getVersion())) {
                    alreadyRecorded.add(line.line());
                }
            } catch (LedgerRuleViolation e) {
                refused.add(new BatchOutcome.Refusal(line.line(), e.getMessage()));
            } finally {
                batchLine = null;
            }
        }
        return new BatchOutcome(refused, alreadyRecorded);
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

    /** Applies an event; in a batch it carries its command's line, as it would had the command come alone. */
    private void record(Object event) {
        if (batchLine == null) {
            AggregateLifecycle.apply(event);
        } else {
            AggregateLifecycle.apply(event, MetaData.with(RecordingMetaData.LINE, batchLine));
        }
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
        Rules.require(command.number() >= 1, "an item number is a positive whole number, not " + command.number());
        Rules.requireText(command.title(), "the title of item " + command.number());
        List<String> lead = listOrEmpty(command.leadOrganisations());
        List<String> participants = listOrEmpty(command.participatingOrganisations());
        requireKnown(registry, lead, participants);
        ItemRegistered wanted = new ItemRegistered(periodId, command.number(), command.title().trim(),
                blankToNull(command.area()), command.newInPeriod(), lead, participants, command.source());
        ItemRegistered existing = items.get(command.number());
        if (existing == null) {
            record(wanted);
        } else if (!existing.equals(wanted)) {
            throw new LedgerRuleViolation("item " + command.number() + " is already registered in plan period "
                    + periodId + " as \"" + existing.title() + "\"; an item number is unique in its plan period");
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(AmendItem command) {
        ItemRegistered item = requireItem(command.number());
        Rules.requireText(command.reason(), "the reason for amending item " + command.number());
        String title = command.title() == null ? currentTitles.get(command.number()) : command.title().trim();
        String area = command.area() == null ? currentAreas.get(command.number()) : blankToNull(command.area());
        Rules.requireText(title, "the title of item " + command.number());
        String previousTitle = currentTitles.get(command.number());
        String previousArea = currentAreas.get(command.number());
        Rules.require(!title.equals(previousTitle) || !Objects.equals(area, previousArea),
                "item " + item.number() + " already has that title and area");
        record(new ItemAmended(periodId, command.number(), previousTitle, previousArea, title, area,
                command.reason().trim(), latestPublication()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(CompleteItem command) {
        requireItem(command.number());
        if (!completedItems.contains(command.number())) {
            record(new ItemCompleted(periodId, command.number()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RecordActivity command, Registry registry) {
        Rules.requireText(command.activityId(), "activity id");
        requireItem(command.itemNumber());
        Rules.require(command.kind() != null, "the kind of activity " + command.activityId() + " is required");
        Rules.require(command.mode() != null, "the mode of activity " + command.activityId() + " is required");
        Rules.requireText(command.title(), "the title of activity " + command.activityId());
        List<String> organisers = listOrEmpty(command.organisers());
        List<String> supporters = listOrEmpty(command.supporters());
        requireKnown(registry, organisers, supporters);
        Extent date = requireExtent(command.date(), "activity " + command.activityId());
        Rules.require(date.precision() == DatePrecision.UNSTATED
                        || date.liesWithin(opening.startsOn(), opening.endsOn()),
                "activity " + command.activityId() + " is dated " + date.describe() + ", outside plan period "
                        + describePeriod());
        ActivityRecorded wanted = new ActivityRecorded(periodId, command.activityId(), command.itemNumber(),
                command.kind(), command.title().trim(), organisers, supporters, command.mode(),
                date.placedWithin(opening.startsOn(), opening.endsOn()), command.source());
        ActivityRecorded existing = activities.get(command.activityId());
        if (existing != null) {
            Rules.require(existing.equals(wanted), "activity " + command.activityId()
                    + " is already recorded with other details; retract it and record a new one");
            return AggregateLifecycle.getVersion();
        }
        Rules.require(!completedItems.contains(command.itemNumber()),
                "item " + command.itemNumber() + " is completed and takes no new activities");
        record(wanted);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RetractActivity command) {
        ActivityRecorded activity = requireActivity(command.activityId());
        Rules.requireText(command.reason(), "the reason for retracting activity " + command.activityId());
        Rules.require(!retractedActivities.contains(command.activityId()),
                "activity " + command.activityId() + " is already retracted");
        record(new ActivityRetracted(periodId, command.activityId(), activity.itemNumber(), command.reason().trim(),
                latestPublication()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RecordFigure command, Registry registry) {
        Rules.requireText(command.figureId(), "figure id");
        String activityId = blankToNull(command.activityId());
        if (command.itemNumber() == null) {
            Rules.require(activityId == null, "figure " + command.figureId() + " names activity " + activityId
                    + " but no item; give the activity's item");
        } else {
            requireItem(command.itemNumber());
        }
        if (activityId != null) {
            ActivityRecorded activity = requireActivity(activityId);
            Rules.require(activity.itemNumber() == command.itemNumber(), "activity " + activityId
                    + " belongs to item " + activity.itemNumber() + ", not to item " + command.itemNumber());
            Rules.require(!retractedActivities.contains(activityId),
                    "activity " + activityId + " is retracted and takes no figures");
        }
        Rules.requireText(command.metric(), "the metric of figure " + command.figureId());
        Rules.requireText(command.unit(), "the unit of figure " + command.figureId());
        FigureRules.requireValue(command.value(), command.valueHigh(), command.qualifier(),
                "figure " + command.figureId());
        Rules.require(command.side() != null, "the side of figure " + command.figureId() + " is required");
        Rules.require(command.basis() != null, "the basis of figure " + command.figureId() + " is required");
        Extent extent = requireExtent(command.extent(), "figure " + command.figureId());
        Rules.require(command.basis() != Basis.CUMULATIVE || extent.precision() != DatePrecision.UNSTATED,
                "cumulative figure " + command.figureId() + " needs its base date: give its extent as BASE/END");
        Rules.require(extent.precision() == DatePrecision.UNSTATED
                        || extent.overlaps(opening.startsOn(), opening.endsOn()),
                "figure " + command.figureId() + " covers " + extent.describe() + ", which does not reach into "
                        + "plan period " + describePeriod());
        Aggregation aggregation = FigureRules.requireCatalogued(registry, command.metric().trim(),
                command.unit().trim(), command.basis(), "figure " + command.figureId());
        String partOf = blankToNull(command.partOf());
        if (partOf != null) {
            requirePartOf(command, partOf);
        }
        FigureRecorded wanted = new FigureRecorded(periodId, command.figureId(), command.itemNumber(), activityId,
                command.metric().trim(), FigureValues.normalise(command.value()), command.unit().trim(), command.qualifier(),
                command.side(), extent.placedWithin(opening.startsOn(), opening.endsOn()), command.basis(),
                command.source(), command.valueHigh() == null ? null : FigureValues.normalise(command.valueHigh()),
                blankToNull(command.dateLabel()), partOf, command.sourceReference(), aggregation);
        FigureRecorded existing = figures.get(command.figureId());
        if (existing == null) {
            record(wanted);
        } else if (!existing.equals(wanted)) {
            throw new LedgerRuleViolation("figure " + command.figureId()
                    + " is already recorded with other details; correct it instead");
        }
        return AggregateLifecycle.getVersion();
    }

    private void requirePartOf(RecordFigure command, String partOf) {
        FigureRecorded whole = figures.get(partOf);
        FigureRules.requirePartOf(new FigureRules.Counted(command.figureId(), command.metric().trim(),
                        command.unit().trim(), command.value(), command.qualifier()),
                whole == null ? null : new FigureRules.Counted(partOf, whole.metric(), whole.unit(), whole.value(),
                        whole.qualifier()), partOf, "plan period " + periodId);
    }

    @CommandHandler
    Long handle(RecordAlternativeValue command) {
        FigureRecorded figure = requireLiveFigure(command.figureId());
        FigureDisputes.Alternative alternative = disputes.alternative(command.figureId(), new FigureDisputes.Value(
                command.value(), command.valueHigh(), command.qualifier()), command.source(),
                command.sourceReference(), currentValue(figure));
        if (alternative != null) {
            record(new AlternativeValueRecorded(periodId, alternative.figureId(), alternative.valueNumber(),
                    alternative.value().value(), alternative.value().high(), alternative.value().qualifier(),
                    alternative.source(), alternative.sourceReference()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(AdoptValue command) {
        FigureRecorded figure = requireLiveFigure(command.figureId());
        FigureDisputes.Adoption adoption = disputes.adoption(command.figureId(), command.valueNumber(),
                command.reason(), currentValue(figure));
        if (adoption != null) {
            record(new ValueAdopted(periodId, adoption.figureId(), adoption.valueNumber(), adoption.value().value(),
                    adoption.value().high(), adoption.value().qualifier(), adoption.reason()));
        }
        return AggregateLifecycle.getVersion();
    }

    private FigureRecorded requireLiveFigure(String figureId) {
        FigureRecorded figure = figures.get(figureId);
        Rules.require(figure != null, "figure " + figureId + " is not recorded in plan period " + periodId);
        Rules.require(figure.activityId() == null || !retractedActivities.contains(figure.activityId()),
                "figure " + figureId + " belongs to retracted activity " + figure.activityId());
        return figure;
    }

    private FigureDisputes.Value currentValue(FigureRecorded figure) {
        FigureCorrected latest = latestCorrections.get(figure.figureId());
        return latest == null ? new FigureDisputes.Value(figure.value(), figure.valueHigh(), figure.qualifier())
                : new FigureDisputes.Value(latest.value(), latest.valueHigh(), latest.qualifier());
    }

    @CommandHandler
    Long handle(CorrectFigure command) {
        FigureRecorded figure = requireLiveFigure(command.figureId());
        Rules.requireText(command.reason(), "the reason for correcting figure " + command.figureId());
        FigureRules.requireValue(command.value(), command.valueHigh(), command.qualifier(),
                "figure " + command.figureId());
        FigureDisputes.Value current = currentValue(figure);
        BigDecimal value = FigureValues.normalise(command.value());
        BigDecimal high = command.valueHigh() == null ? null : FigureValues.normalise(command.valueHigh());
        Rules.require(!new FigureDisputes.Value(value, high, command.qualifier()).equals(current),
                "figure " + command.figureId() + " already reads " + current.qualifier().phrase(current.value(),
                        current.high()));
        record(new FigureCorrected(periodId, command.figureId(), figure.itemNumber(), current.value(),
                current.qualifier(), value, command.qualifier(), command.reason().trim(), latestPublication(),
                current.high(), high));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(SubmitPeriod command, @MetaDataValue(RecordingMetaData.USER) String user,
                @MetaDataValue(RecordingMetaData.ROLE) String role) {
        requireRole(LedgerRole.SECRETARIAT.name().equals(role), role, "submit", LedgerRole.SECRETARIAT.name());
        Rules.require(!(status == PeriodStatus.SUBMITTED && changesSubmitted == changes),
                "plan period " + periodId + " is already submitted and awaits approval");
        Rules.require(!(status == PeriodStatus.APPROVED && changesApproved == changes),
                "plan period " + periodId + " is already approved as it stands; publish it");
        Rules.require(!(status == PeriodStatus.PUBLISHED && changesPublished == changes), "plan period " + periodId
                + " has not changed since publication " + publications + "; there is nothing new to submit");
        record(new PeriodSubmitted(periodId, user, blankToNull(command.comment())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(ApprovePeriod command, PublicationPolicy policy, @MetaDataValue(RecordingMetaData.USER) String user,
                @MetaDataValue(RecordingMetaData.ROLE) String role) {
        requireRole(policy.mayApprove(role), role, "approve", policy.approvingRoleNames());
        requireSubmittedUnchanged("approve");
        Rules.require(policy.selfApproval() || user == null || !user.equals(submittedBy), user
                + " submitted plan period " + periodId + " and may not approve it too; another approver must");
        record(new PeriodApproved(periodId, user, blankToNull(command.comment())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(ReturnPeriod command, PublicationPolicy policy, @MetaDataValue(RecordingMetaData.USER) String user,
                @MetaDataValue(RecordingMetaData.ROLE) String role) {
        requireRole(policy.mayApprove(role), role, "return", policy.approvingRoleNames());
        Rules.require(status == PeriodStatus.SUBMITTED, "plan period " + periodId + " is not submitted (it is "
                + status + "), so there is nothing to return");
        Rules.requireText(command.comment(), "the comment saying what to change in plan period " + periodId);
        record(new PeriodReturned(periodId, user, command.comment().trim()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(PublishPeriod command, @MetaDataValue(RecordingMetaData.USER) String user,
                @MetaDataValue(RecordingMetaData.ROLE) String role) {
        requireRole(LedgerRole.SECRETARIAT.name().equals(role), role, "publish", LedgerRole.SECRETARIAT.name());
        Rules.require(status == PeriodStatus.APPROVED, "plan period " + periodId + " is not approved (it is "
                + status + "); only approved figures are published");
        Rules.require(changesApproved == changes, "plan period " + periodId + " changed since its approval; "
                + "submit it again and have it approved");
        Rules.require(command.number() == publications + 1, "the next publication of plan period " + periodId
                + " is number " + (publications + 1) + ", not " + command.number());
        Rules.require(command.position() > 0, "the ledger position of a publication is required");
        Rules.requireText(command.digest(), "the digest of publication " + command.number());
        Rules.require(command.files() != null && !command.files().isEmpty(),
                "publication " + command.number() + " has no files");
        for (PublishedFile file : command.files()) {
            Rules.require(file.sha256() != null && file.sha256().matches("[0-9a-f]{64}"),
                    "file " + file.path() + " of the publication needs its SHA-256 in lower-case hex");
        }
        record(new PeriodPublished(periodId, command.number(), command.position(), command.digest(),
                List.copyOf(command.files()), user, blankToNull(command.comment())));
        return AggregateLifecycle.getVersion();
    }

    private void requireSubmittedUnchanged(String step) {
        Rules.require(status == PeriodStatus.SUBMITTED, "plan period " + periodId + " is not submitted (it is "
                + status + "); the secretariat submits it first");
        Rules.require(changesSubmitted == changes, "plan period " + periodId + " changed since it was submitted; "
                + "the secretariat must submit it again before you " + step + " it");
    }

    private void requireRole(boolean allowed, String role, String step, String roles) {
        Rules.require(allowed, "the role " + (role == null ? "(none)" : role) + " may not " + step
                + " plan period " + periodId + "; " + roles + " may");
    }

    /** The publication a correction made now corrects, if the period was published. */
    private Integer latestPublication() {
        return publications == 0 ? null : publications;
    }

    private ItemRegistered requireItem(int number) {
        ItemRegistered item = items.get(number);
        Rules.require(item != null, "item " + number + " is not registered in plan period " + periodId);
        return item;
    }

    private ActivityRecorded requireActivity(String activityId) {
        ActivityRecorded activity = activities.get(activityId);
        Rules.require(activity != null, "activity " + activityId + " is not recorded in plan period " + periodId);
        return activity;
    }

    private static void requireKnown(Registry registry, List<String> first, List<String> second) {
        List<String> named = new ArrayList<>(first);
        named.addAll(second);
        SortedSet<String> unknown = registry.unknownOrganisations(named);
        Rules.require(unknown.isEmpty(), "unknown organisation" + (unknown.size() > 1 ? "s " : " ")
                + String.join(", ", unknown) + "; register " + (unknown.size() > 1 ? "them" : "it") + " first");
    }

    private static Extent requireExtent(Extent extent, String what) {
        Rules.require(extent != null && extent.precision() != null, "the date of " + what + " is required");
        Rules.require(extent.precision() == DatePrecision.UNSTATED || extent.start() != null && extent.end() != null,
                "the date of " + what + " needs a start and an end");
        Rules.require(!extent.endsBeforeItStarts(), "the range of " + what + " ends (" + extent.end()
                + ") before it starts (" + extent.start() + ")");
        return extent;
    }

    private String describePeriod() {
        return opening.label() + " (" + opening.startsOn() + " to " + opening.endsOn() + ")";
    }

    private static List<String> listOrEmpty(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @EventSourcingHandler
    void on(PlanPeriodOpened event) {
        periodId = event.periodId();
        opening = event;
    }

    @EventSourcingHandler
    void on(ItemRegistered event) {
        changes++;
        items.put(event.number(), event);
        currentTitles.put(event.number(), event.title());
        currentAreas.put(event.number(), event.area());
    }

    @EventSourcingHandler
    void on(ItemAmended event) {
        changes++;
        currentTitles.put(event.number(), event.title());
        currentAreas.put(event.number(), event.area());
    }

    @EventSourcingHandler
    void on(ItemCompleted event) {
        changes++;
        completedItems.add(event.number());
    }

    @EventSourcingHandler
    void on(ActivityRecorded event) {
        changes++;
        activities.put(event.activityId(), event);
    }

    @EventSourcingHandler
    void on(ActivityRetracted event) {
        changes++;
        retractedActivities.add(event.activityId());
    }

    @EventSourcingHandler
    void on(FigureRecorded event) {
        changes++;
        figures.put(event.figureId(), event);
    }

    @EventSourcingHandler
    void on(FigureCorrected event) {
        changes++;
        latestCorrections.put(event.figureId(), event);
    }

    @EventSourcingHandler
    void on(AlternativeValueRecorded event) {
        changes++;
        disputes.recorded(new FigureDisputes.Alternative(event.figureId(), event.valueNumber(),
                new FigureDisputes.Value(event.value(), event.valueHigh(), event.qualifier()), event.source(),
                event.sourceReference()));
    }

    @EventSourcingHandler
    void on(ValueAdopted event) {
        changes++;
        disputes.adopted(new FigureDisputes.Adoption(event.figureId(), event.valueNumber(),
                new FigureDisputes.Value(event.value(), event.valueHigh(), event.qualifier()), event.reason()));
    }

    @EventSourcingHandler
    void on(PeriodSubmitted event) {
        status = PeriodStatus.SUBMITTED;
        changesSubmitted = changes;
        submittedBy = event.submittedBy();
    }

    @EventSourcingHandler
    void on(PeriodApproved event) {
        status = PeriodStatus.APPROVED;
        changesApproved = changes;
    }

    @EventSourcingHandler
    void on(PeriodReturned event) {
        status = PeriodStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(PeriodPublished event) {
        status = PeriodStatus.PUBLISHED;
        changesPublished = changes;
        publications = event.number();
    }
}
