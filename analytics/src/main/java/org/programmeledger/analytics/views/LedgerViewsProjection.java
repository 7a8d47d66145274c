package org.programmeledger.analytics.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.api.AlternativeValueRecorded;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.FigureScope;
import org.programmeledger.ledger.api.MetricAmended;
import org.programmeledger.ledger.api.ProgrammeFigureRecorded;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.ProgrammeValueAdopted;
import org.programmeledger.ledger.api.ProgrammeAlternativeValueRecorded;
import org.programmeledger.ledger.api.MetricDefined;
import org.programmeledger.ledger.api.SourceReference;
import org.programmeledger.ledger.api.ValueAdopted;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.ItemCompleted;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.OrganisationRegistered;
import org.programmeledger.ledger.api.PeriodApproved;
import org.programmeledger.ledger.api.PeriodPublished;
import org.programmeledger.ledger.api.PeriodReturned;
import org.programmeledger.ledger.api.PeriodStatus;
import org.programmeledger.ledger.api.PeriodSubmitted;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.programmeledger.ledger.service.StoreDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Projects the events into the view_* tables that the batch jobs read. Every handler may see an event
 * twice after a crash, so each one writes the state the event implies rather than adding to it.
 */
@Component
@ProcessingGroup(LedgerViews.PROCESSING_GROUP)
class LedgerViewsProjection {

    private static final ViewTable PROGRAMME = new ViewTable("view_programme", List.of("programme_id"),
            List.of("name"));
    static final ViewTable PERIOD = new ViewTable("view_period", List.of("period_id"),
            List.of("programme_id", "label", "starts_on", "ends_on", "version"),
            ViewTable.defaults("status", PeriodStatus.DRAFT.name(), "publication", null, "published_position", null,
                    "changed_since_publication", false));
    private static final ViewTable ORGANISATION = new ViewTable("view_organisation", List.of("organisation_id"),
            List.of("name", "abbreviation", "side"));
    private static final ViewTable ITEM = new ViewTable("view_item", List.of("period_id", "item_number"),
            List.of("title", "area", "new_in_period", "lead", "participants", "status"));
    private static final ViewTable ITEM_LEAD = new ViewTable("view_item_lead_organisation",
            List.of("period_id", "item_number", "organisation_id"), List.of("lead_order"));
    private static final ViewTable ACTIVITY = new ViewTable("view_activity", List.of("period_id", "activity_id"),
            List.of("item_number", "kind", "title", "organisers", "supporters", "mode", "date_start", "date_end",
                    "date_precision", "retracted"));
    static final ViewTable FIGURE = new ViewTable("view_figure", List.of("period_id", "figure_id"),
            List.of("item_number", "activity_id", "metric", "figure_value", "unit", "qualifier", "side",
                    "extent_start", "extent_end", "extent_precision", "basis", "corrected", "retracted", "value_high",
                    "aggregation", "part_of", "disputed", "scope", "programme_id", "date_label", "source",
                    "source_document", "source_date", "source_location", "source_link"));
    static final ViewTable FIGURE_VALUE = new ViewTable("view_figure_value",
            List.of("period_id", "figure_id", "value_number"),
            List.of("figure_value", "value_high", "qualifier", "source", "source_document", "source_date",
                    "source_location", "source_link", "adopted", "adopted_reason"));
    /** Every figure that includes a figure, however far up its chain of wholes ({@link #recordWholes}). */
    private static final ViewTable FIGURE_WHOLE = new ViewTable("view_figure_whole",
            List.of("period_id", "figure_id", "whole_id"), List.of("depth"));
    private static final ViewTable METRIC = new ViewTable("view_metric", List.of("metric_id"),
            List.of("label", "units", "aggregation", "chartable", "description"));
    /** How far the views have got: written by {@link ViewWrites#advanceTo}, once a batch. */
    private static final ViewTable POSITION = new ViewTable("view_position", List.of("view_name"),
            List.of("position", "recorded_at"));

    /** Every table the projection fills: what a reset empties and a replay compares. */
    static final List<ViewTable> TABLES = List.of(PROGRAMME, PERIOD, ORGANISATION, ITEM, ITEM_LEAD, ACTIVITY, FIGURE,
            FIGURE_WHOLE, FIGURE_VALUE, METRIC, POSITION);

    private static final String TRUNCATE_ALL = "TRUNCATE " + String.join(", ",
            TABLES.stream().map(ViewTable::name).toList());
    private static final String END_REBUILD_MARK = "DELETE FROM view_rebuild_pending";
    /** The batch's writes, a resource of its unit of work. */
    private static final String WRITES = ViewWrites.class.getName();
    /** The wholes of the figures the batch recorded, not in the database until it commits. */
    private static final String BATCH_WHOLES = LedgerViewsProjection.class.getName() + ".wholes";

    private static final List<String> ITEM_KEY = List.of("period_id", "item_number");
    private static final RowUpdate ITEM_AMENDED = RowUpdate.of(ITEM, List.of("title", "area"), ITEM_KEY);
    private static final RowUpdate ITEM_STATUS = RowUpdate.of(ITEM, List.of("status"), ITEM_KEY);
    private static final RowUpdate ACTIVITY_RETRACTED = RowUpdate.of(ACTIVITY, List.of("retracted"),
            List.of("period_id", "activity_id"));
    private static final RowUpdate ACTIVITY_FIGURES_RETRACTED = RowUpdate.of(FIGURE, List.of("retracted"),
            List.of("period_id", "activity_id"));
    /** The figure's part of a correction; {@link ViewWrites#correctFigure} says when it applies. */
    static final RowUpdate CORRECT_FIGURE = RowUpdate.of(FIGURE,
            List.of("figure_value", "value_high", "qualifier", "corrected"), List.of("period_id", "figure_id"));
    /** The first listed value's part of a correction: arguments as {@link #CORRECT_FIGURE}'s, but no truth value. */
    static final RowUpdate CORRECT_FIRST_VALUE = RowUpdate.of(FIGURE_VALUE,
            List.of("figure_value", "value_high", "qualifier"), List.of("period_id", "figure_id", "value_number"));
    private static final RowUpdate FIGURE_DISPUTED = RowUpdate.of(FIGURE, List.of("disputed"),
            List.of("period_id", "figure_id"));
    private static final RowUpdate VALUE_ADOPTED = RowUpdate.of(FIGURE,
            List.of("figure_value", "value_high", "qualifier", "disputed"), List.of("period_id", "figure_id"));
    private static final RowUpdate VALUES_NOT_ADOPTED = RowUpdate.of(FIGURE_VALUE, List.of("adopted"),
            List.of("period_id", "figure_id"));
    private static final RowUpdate ADOPTED = RowUpdate.of(FIGURE_VALUE, List.of("adopted", "adopted_reason"),
            List.of("period_id", "figure_id", "value_number"));
    private static final RowUpdate METRIC_AGGREGATION = RowUpdate.of(FIGURE, List.of("aggregation"),
            List.of("metric", "basis"));
    /** Guarded by the version: an event handled twice after a crash changes nothing the second time. */
    private static final RowUpdate PERIOD_STATUS = RowUpdate.below(PERIOD, List.of("version", "status"),
            List.of("period_id"), "version");
    private static final RowUpdate PERIOD_PUBLISHED = RowUpdate.below(PERIOD,
            List.of("version", "status", "publication", "published_position", "changed_since_publication"),
            List.of("period_id"), "version");

    private final JdbcTemplate jdbc;
    private volatile StoreDatabase dialect;

    LedgerViewsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeEstablished event, TrackingToken token, @Timestamp Instant recordedAt) {
        insert(PROGRAMME, event.name(), event.programmeId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(PlanPeriodOpened event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        writes().beforePeriodWrite(event.periodId());
        insert(PERIOD, event.programmeId(), event.label(), event.startsOn(), event.endsOn(), version,
                event.periodId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(OrganisationRegistered event, TrackingToken token, @Timestamp Instant recordedAt) {
        insert(ORGANISATION, event.name(), event.abbreviation(), event.side().name(), event.organisationId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ItemRegistered event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        insert(ITEM, event.title(), event.area(), event.newInPeriod(), joined(event.leadOrganisations()),
                joined(event.participatingOrganisations()), "REGISTERED", event.periodId(), event.number());
        List<String> leads = event.leadOrganisations();
        for (int order = 0; order < leads.size(); order++) {
            insert(ITEM_LEAD, order, event.periodId(), event.number(), leads.get(order));
        }
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ItemAmended event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        writes().update(ITEM_AMENDED, event.title(), event.area(), event.periodId(), event.number());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ItemCompleted event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        writes().update(ITEM_STATUS, "COMPLETED", event.periodId(), event.number());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ActivityRecorded event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        insert(ACTIVITY, event.itemNumber(), event.kind().name(), event.title(), joined(event.organisers()),
                joined(event.supporters()), event.mode().name(), event.date().start(), event.date().end(),
                event.date().precision().name(), false, event.periodId(), event.activityId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ActivityRetracted event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        writes().update(ACTIVITY_RETRACTED, true, event.periodId(), event.activityId());
        writes().update(ACTIVITY_FIGURES_RETRACTED, true, event.periodId(), event.activityId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(FigureRecorded event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        SourceReference reference = referenceOrNone(event.sourceReference());
        insert(FIGURE, event.itemNumber(), event.activityId(), event.metric(), event.value(), event.unit(),
                event.qualifier().name(), event.side().name(), event.extent().start(), event.extent().end(),
                event.extent().precision().name(), event.basis().name(), false, false, event.valueHigh(),
                event.aggregationOrBasis().code(), event.partOf(), false, event.scope().code(), null,
                event.dateLabel(), event.source(), reference.document(), reference.date(), reference.location(),
                reference.link(), event.periodId(), event.figureId());
        recordWholes(event.periodId(), event.figureId(), event.partOf());
        advance(token, recordedAt);
    }

    /**
     * A fact of the programme, in no plan period, with its extent as stated, unstated too. Its period_id is the
     * programme's id, which no plan period has (they share the ledger's aggregate identifiers).
     */
    @EventHandler
    void on(ProgrammeFigureRecorded event, TrackingToken token, @Timestamp Instant recordedAt) {
        SourceReference reference = referenceOrNone(event.sourceReference());
        insert(FIGURE, null, null, event.metric(), event.value(), event.unit(), event.qualifier().name(),
                event.side().name(), event.extent().start(), event.extent().end(), event.extent().precision().name(),
                event.basis().name(), false, false, event.valueHigh(), event.aggregationOrBasis().code(),
                event.partOf(), false, FigureScope.PROGRAMME.code(), event.programmeId(), event.dateLabel(),
                event.source(), reference.document(), reference.date(), reference.location(), reference.link(),
                event.programmeId(), event.figureId());
        recordWholes(event.programmeId(), event.figureId(), event.partOf());
        advance(token, recordedAt);
    }

    /** A correction changes the value first recorded; the figure shows it unless another value was adopted. */
    @EventHandler
    void on(FigureCorrected event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        writes().correctFigure(event.periodId(), event.figureId(), event.value(), event.valueHigh(),
                event.qualifier().name());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(AlternativeValueRecorded event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        alternativeValue(event.periodId(), event.figureId(), event.valueNumber(), event.value(), event.valueHigh(),
                event.qualifier(), event.source(), event.sourceReference());
        advance(token, recordedAt);
    }

    /** A programme's fact keeps its values under the programme's id, as the fact itself does. */
    @EventHandler
    void on(ProgrammeAlternativeValueRecorded event, TrackingToken token, @Timestamp Instant recordedAt) {
        alternativeValue(event.programmeId(), event.figureId(), event.valueNumber(), event.value(),
                event.valueHigh(), event.qualifier(), event.source(), event.sourceReference());
        advance(token, recordedAt);
    }

    private void alternativeValue(String periodId, String figureId, int valueNumber, BigDecimal value,
                                  BigDecimal high, Qualifier qualifier, String source, SourceReference stated) {
        writes().listFirstValue(periodId, figureId);
        SourceReference reference = referenceOrNone(stated);
        insert(FIGURE_VALUE, value, high, qualifier.name(), source, reference.document(), reference.date(),
                reference.location(), reference.link(), false, null, periodId, figureId, valueNumber);
        writes().update(FIGURE_DISPUTED, true, periodId, figureId);
    }

    /** The adopted value becomes the figure's; every value stays listed with its source. */
    @EventHandler
    void on(ValueAdopted event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        adoptedValue(event.periodId(), event.figureId(), event.valueNumber(), event.value(), event.valueHigh(),
                event.qualifier(), event.reason());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ProgrammeValueAdopted event, TrackingToken token, @Timestamp Instant recordedAt) {
        adoptedValue(event.programmeId(), event.figureId(), event.valueNumber(), event.value(), event.valueHigh(),
                event.qualifier(), event.reason());
        advance(token, recordedAt);
    }

    private void adoptedValue(String periodId, String figureId, int valueNumber, BigDecimal value, BigDecimal high,
                              Qualifier qualifier, String reason) {
        writes().update(VALUE_ADOPTED, value, high, qualifier.name(), false, periodId, figureId);
        writes().update(VALUES_NOT_ADOPTED, false, periodId, figureId);
        writes().update(ADOPTED, true, reason, periodId, figureId, valueNumber);
    }

    @EventHandler
    void on(MetricDefined event, TrackingToken token, @Timestamp Instant recordedAt) {
        insert(METRIC, event.label(), String.join(";", event.units()), event.aggregation().code(), event.chartable(),
                event.description(), event.metricId());
        figuresAggregate(event.metricId(), event.aggregation());
        advance(token, recordedAt);
    }

    /** A metric that aggregates otherwise now changes how every figure of it may be combined. */
    @EventHandler
    void on(MetricAmended event, TrackingToken token, @Timestamp Instant recordedAt) {
        upsert(METRIC, event.label(), String.join(";", event.units()), event.aggregation().code(), event.chartable(),
                event.description(), event.metricId());
        figuresAggregate(event.metricId(), event.aggregation());
        advance(token, recordedAt);
    }

    /**
     * The metric's figures, those recorded before it was catalogued too, combine as the catalogue says, but for what
     * their basis forbids: a running total is never added, and a flow is never read as a running total.
     */
    private void figuresAggregate(String metricId, Aggregation aggregation) {
        for (Basis basis : Basis.values()) {
            boolean forbidden = aggregation == Aggregation.SUM && basis == Basis.CUMULATIVE
                    || aggregation == Aggregation.CUMULATIVE && basis == Basis.FLOW;
            writes().update(METRIC_AGGREGATION, (forbidden ? Aggregation.of(basis) : aggregation).code(), metricId,
                    basis.name());
        }
    }

    /** Events the views do not show still move their position, so waiting for the head always ends. */
    @EventHandler
    void on(PeriodSubmitted event, @SequenceNumber long version, TrackingToken token, @Timestamp Instant recordedAt) {
        periodStatus(event.periodId(), version, PeriodStatus.SUBMITTED);
        advance(token, recordedAt);
    }

    @EventHandler
    void on(PeriodApproved event, @SequenceNumber long version, TrackingToken token, @Timestamp Instant recordedAt) {
        periodStatus(event.periodId(), version, PeriodStatus.APPROVED);
        advance(token, recordedAt);
    }

    @EventHandler
    void on(PeriodReturned event, @SequenceNumber long version, TrackingToken token, @Timestamp Instant recordedAt) {
        periodStatus(event.periodId(), version, PeriodStatus.DRAFT);
        advance(token, recordedAt);
    }

    @EventHandler
    void on(PeriodPublished event, @SequenceNumber long version, TrackingToken token, @Timestamp Instant recordedAt) {
        writes().beforePeriodWrite(event.periodId());
        writes().update(PERIOD_PUBLISHED, version, PeriodStatus.PUBLISHED.name(), event.number(), event.position(),
                false, event.periodId(), version);
        advance(token, recordedAt);
    }

    @EventHandler
    void on(Object otherEvent, TrackingToken token, @Timestamp Instant recordedAt) {
        advance(token, recordedAt);
    }

    /**
     * Empties every view in the current transaction and ends a pending rebuild's mark: Axon's reset of the tokens,
     * or the live processor going on from a token a rebuild left at the start. On PostgreSQL with one TRUNCATE
     * (transactional there); H2's TRUNCATE commits the transaction at once, so rows are deleted one by one there.
     */
    @ResetHandler
    void reset() {
        if (dialect() == StoreDatabase.POSTGRESQL) {
            jdbc.update(TRUNCATE_ALL);
        } else {
            for (ViewTable table : TABLES) {
                jdbc.update("DELETE FROM " + table.name());
            }
        }
        jdbc.update(END_REBUILD_MARK);
    }

    /**
     * Marks a rebuild from zero, in the transaction that moves the token to the start: until a transaction moves
     * the token on (and ends the mark), the views may hold rows of any position, or none, and whoever goes on
     * from the token empties them first ({@link #rebuildPending()}).
     */
    void markRebuild() {
        if (!rebuildPending()) {
            jdbc.update("INSERT INTO view_rebuild_pending (view_name) VALUES (?)", LedgerViews.PROCESSING_GROUP);
        }
    }

    /** Whether a rebuild from zero was marked and no page of it has been committed since. */
    boolean rebuildPending() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM view_rebuild_pending", Integer.class) > 0;
    }

    /**
     * Empties every view outside any transaction, by TRUNCATE (on H2 a DELETE wrote every row's removal for undo:
     * 42% of a rebuild at 10^5 events; H2 commits each table's TRUNCATE by itself). Only after {@link #markRebuild()}
     * committed: stopped between two tables, whoever goes on empties them again.
     */
    void emptyViews() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the views are emptied outside a transaction: H2's TRUNCATE commits it");
        }
        if (dialect() == StoreDatabase.POSTGRESQL) {
            jdbc.update(TRUNCATE_ALL);
            return;
        }
        for (ViewTable table : TABLES) {
            jdbc.update("TRUNCATE TABLE " + table.name());
        }
    }

    private void periodVersion(String periodId, long version) {
        writes().periodChanged(periodId, version);
    }

    private void periodStatus(String periodId, long version, PeriodStatus status) {
        writes().beforePeriodWrite(periodId);
        writes().update(PERIOD_STATUS, version, status.name(), periodId, version);
    }

    /**
     * A figure's whole, then the wholes of that one: whoever counts any of them has counted the figure. Its whole was
     * recorded before it, in this batch or an earlier one.
     */
    private void recordWholes(String periodId, String figureId, String partOf) {
        if (partOf == null) {
            return;
        }
        List<String> wholes = new ArrayList<>();
        wholes.add(partOf);
        wholes.addAll(wholesOf(periodId, partOf));
        for (int depth = 1; depth <= wholes.size(); depth++) {
            insert(FIGURE_WHOLE, depth, periodId, figureId, wholes.get(depth - 1));
        }
        batchWholes().put(List.of(periodId, figureId), wholes);
    }

    private List<String> wholesOf(String periodId, String figureId) {
        List<String> held = batchWholes().get(List.of(periodId, figureId));
        return held != null ? held : jdbc.queryForList("SELECT whole_id FROM view_figure_whole "
                + "WHERE period_id = ? AND figure_id = ? ORDER BY depth", String.class, periodId, figureId);
    }

    private Map<List<String>, List<String>> batchWholes() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(BATCH_WHOLES, key -> new HashMap<>());
    }

    /** Records how far the views have got, in the transaction that updates them. */
    private void advance(TrackingToken token, Instant recordedAt) {
        writes().advanceTo(token.position().orElse(0), recordedAt);
    }

    private void insert(ViewTable table, Object... row) {
        writes().insert(table, row);
    }

    private void upsert(ViewTable table, Object... row) {
        writes().upsert(table, row);
    }

    /**
     * Makes {@code batch} (a page of a rebuild into emptied views) hold the rows its events create and insert them
     * together ({@link PageRows}). On PostgreSQL the page's commit does not wait for its WAL to reach the disk: the
     * rebuilding thread goes on with the next page meanwhile. A crash of the server may then lose the last pages,
     * but views and token together (one transaction): the next replay or processor goes on from the page before.
     */
    void rebuildInto(UnitOfWork<?> batch) {
        PageRows rows = new PageRows(jdbc, dialect());
        batch.resources().put(WRITES, rows);
        batch.onPrepareCommit(unit -> {
            if (dialect() == StoreDatabase.POSTGRESQL) {
                jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            }
            rows.send();
        });
    }

    /** Ends a rebuild's mark, in the transaction of its first page (which moves the token on). */
    void endRebuildMark() {
        jdbc.update(END_REBUILD_MARK);
    }

    /** The writes of the batch being handled, sent when its transaction is about to commit. */
    private ViewWrites writes() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        ViewWrites made = batch.getResource(WRITES);
        if (made != null) {
            return made;
        }
        return batch.getOrComputeResource(WRITES, key -> {
            // Going on from a token a rebuild left at the start (killed before its first page): the views are as
            // it left them, full or partly emptied. (Axon stores the batch's token before the handlers run, so the
            // mark is read, not the token.)
            if (rebuildPending()) {
                reset();
            }
            ViewWrites writes = new StatementWrites(jdbc, dialect());
            batch.onPrepareCommit(unit -> writes.send());
            return writes;
        });
    }

    private StoreDatabase dialect() {
        if (dialect == null) {
            dialect = StoreDatabase.of(jdbc);
        }
        return dialect;
    }

    private static SourceReference referenceOrNone(SourceReference reference) {
        return reference == null ? new SourceReference(null, null, null, null) : reference;
    }

    private static String joined(List<String> ids) {
        return String.join(";", ids);
    }
}
