package org.programmeledger.analytics.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.api.AlternativeValueRecorded;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the events into the view_* tables that the batch jobs read. Every handler may see an event
 * twice after a crash, so each one writes the state the event implies rather than adding to it.
 */
@Component
@ProcessingGroup(LedgerViews.PROCESSING_GROUP)
class LedgerViewsProjection {

    private static final Upsert PROGRAMME = new Upsert("view_programme", List.of("programme_id"), List.of("name"));
    private static final Upsert PERIOD = new Upsert("view_period", List.of("period_id"),
            List.of("programme_id", "label", "starts_on", "ends_on", "version"));
    private static final Upsert ORGANISATION = new Upsert("view_organisation", List.of("organisation_id"),
            List.of("name", "abbreviation", "side"));
    private static final Upsert ITEM = new Upsert("view_item", List.of("period_id", "item_number"),
            List.of("title", "area", "new_in_period", "lead", "participants", "status"));
    private static final Upsert ITEM_LEAD = new Upsert("view_item_lead_organisation",
            List.of("period_id", "item_number", "organisation_id"), List.of("lead_order"));
    private static final Upsert ACTIVITY = new Upsert("view_activity", List.of("period_id", "activity_id"),
            List.of("item_number", "kind", "title", "organisers", "supporters", "mode", "date_start", "date_end",
                    "date_precision", "retracted"));
    private static final Upsert FIGURE = new Upsert("view_figure", List.of("period_id", "figure_id"),
            List.of("item_number", "activity_id", "metric", "figure_value", "unit", "qualifier", "side",
                    "extent_start", "extent_end", "extent_precision", "basis", "corrected", "retracted", "value_high",
                    "aggregation", "part_of", "disputed", "scope", "programme_id", "date_label", "source",
                    "source_document", "source_date", "source_location", "source_link"));
    private static final Upsert FIGURE_VALUE = new Upsert("view_figure_value",
            List.of("period_id", "figure_id", "value_number"),
            List.of("figure_value", "value_high", "qualifier", "source", "source_document", "source_date",
                    "source_location", "source_link", "adopted", "adopted_reason"));
    private static final Upsert METRIC = new Upsert("view_metric", List.of("metric_id"),
            List.of("label", "units", "aggregation", "chartable", "description"));

    /**
     * A figure's values are listed once a second one is recorded: the first is copied from the figure then (no
     * value can have been adopted before), so that recording a figure stays one batched upsert.
     */
    private static final String FIRST_VALUE = "INSERT INTO view_figure_value (period_id, figure_id, value_number, "
            + "figure_value, value_high, qualifier, source, source_document, source_date, source_location, "
            + "source_link, adopted) SELECT period_id, figure_id, 0, figure_value, value_high, qualifier, source, "
            + "source_document, source_date, source_location, source_link, FALSE FROM view_figure f "
            + "WHERE f.period_id = ? AND f.figure_id = ? AND NOT EXISTS (SELECT 1 FROM view_figure_value v "
            + "WHERE v.period_id = ? AND v.figure_id = ? AND v.value_number = 0)";

    private static final List<String> VIEW_TABLES = List.of("view_figure_value", "view_metric", "view_figure",
            "view_activity", "view_item_lead_organisation", "view_item", "view_organisation", "view_period",
            "view_programme", "view_position");

    private final JdbcTemplate jdbc;
    private volatile Upsert.Dialect dialect;

    LedgerViewsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeEstablished event, TrackingToken token, @Timestamp Instant recordedAt) {
        upsert(PROGRAMME, event.name(), event.programmeId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(PlanPeriodOpened event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        writes().beforePeriodWrite(event.periodId());
        upsert(PERIOD, event.programmeId(), event.label(), event.startsOn(), event.endsOn(), version,
                event.periodId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(OrganisationRegistered event, TrackingToken token, @Timestamp Instant recordedAt) {
        upsert(ORGANISATION, event.name(), event.abbreviation(), event.side().name(), event.organisationId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ItemRegistered event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        upsert(ITEM, event.title(), event.area(), event.newInPeriod(), joined(event.leadOrganisations()),
                joined(event.participatingOrganisations()), "REGISTERED", event.periodId(), event.number());
        List<String> leads = event.leadOrganisations();
        for (int order = 0; order < leads.size(); order++) {
            upsert(ITEM_LEAD, order, event.periodId(), event.number(), leads.get(order));
        }
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ItemAmended event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        writes().add("UPDATE view_item SET title = ?, area = ? WHERE period_id = ? AND item_number = ?",
                event.title(), event.area(), event.periodId(), event.number());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ItemCompleted event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        writes().add("UPDATE view_item SET status = 'COMPLETED' WHERE period_id = ? AND item_number = ?",
                event.periodId(), event.number());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ActivityRecorded event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        upsert(ACTIVITY, event.itemNumber(), event.kind().name(), event.title(), joined(event.organisers()),
                joined(event.supporters()), event.mode().name(), event.date().start(), event.date().end(),
                event.date().precision().name(), false, event.periodId(), event.activityId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ActivityRetracted event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        writes().add("UPDATE view_activity SET retracted = TRUE WHERE period_id = ? AND activity_id = ?",
                event.periodId(), event.activityId());
        writes().add("UPDATE view_figure SET retracted = TRUE WHERE period_id = ? AND activity_id = ?",
                event.periodId(), event.activityId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(FigureRecorded event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        SourceReference reference = referenceOrNone(event.sourceReference());
        upsert(FIGURE, event.itemNumber(), event.activityId(), event.metric(), event.value(), event.unit(),
                event.qualifier().name(), event.side().name(), event.extent().start(), event.extent().end(),
                event.extent().precision().name(), event.basis().name(), false, false, event.valueHigh(),
                event.aggregationOrBasis().code(), event.partOf(), false, event.scope().code(), null,
                event.dateLabel(), event.source(), reference.document(), reference.date(), reference.location(),
                reference.link(), event.periodId(), event.figureId());
        advance(token, recordedAt);
    }

    /**
     * A fact of the programme, in no plan period, with its extent as stated, unstated too. Its period_id is the
     * programme's id, which no plan period has (they share the ledger's aggregate identifiers).
     */
    @EventHandler
    void on(ProgrammeFigureRecorded event, TrackingToken token, @Timestamp Instant recordedAt) {
        SourceReference reference = referenceOrNone(event.sourceReference());
        upsert(FIGURE, null, null, event.metric(), event.value(), event.unit(), event.qualifier().name(),
                event.side().name(), event.extent().start(), event.extent().end(), event.extent().precision().name(),
                event.basis().name(), false, false, event.valueHigh(), event.aggregationOrBasis().code(),
                event.partOf(), false, FigureScope.PROGRAMME.code(), event.programmeId(), event.dateLabel(),
                event.source(), reference.document(), reference.date(), reference.location(), reference.link(),
                event.programmeId(), event.figureId());
        advance(token, recordedAt);
    }

    /** A correction changes the value first recorded; the figure shows it unless another value was adopted. */
    @EventHandler
    void on(FigureCorrected event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        writes().add("UPDATE view_figure SET figure_value = ?, value_high = ?, qualifier = ?, corrected = TRUE "
                        + "WHERE period_id = ? AND figure_id = ? AND NOT EXISTS (SELECT 1 FROM view_figure_value v "
                        + "WHERE v.period_id = ? AND v.figure_id = ? AND v.adopted AND v.value_number <> 0)",
                event.value(), event.valueHigh(), event.qualifier().name(), event.periodId(), event.figureId(),
                event.periodId(), event.figureId());
        writes().add("UPDATE view_figure_value SET figure_value = ?, value_high = ?, qualifier = ? "
                        + "WHERE period_id = ? AND figure_id = ? AND value_number = 0",
                event.value(), event.valueHigh(), event.qualifier().name(), event.periodId(), event.figureId());
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
        writes().add(FIRST_VALUE, periodId, figureId, periodId, figureId);
        SourceReference reference = referenceOrNone(stated);
        upsert(FIGURE_VALUE, value, high, qualifier.name(), source, reference.document(), reference.date(),
                reference.location(), reference.link(), false, null, periodId, figureId, valueNumber);
        writes().add("UPDATE view_figure SET disputed = TRUE WHERE period_id = ? AND figure_id = ?", periodId,
                figureId);
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
        writes().add("UPDATE view_figure SET figure_value = ?, value_high = ?, qualifier = ?, disputed = FALSE "
                + "WHERE period_id = ? AND figure_id = ?", value, high, qualifier.name(), periodId, figureId);
        writes().add("UPDATE view_figure_value SET adopted = (value_number = ?), adopted_reason = CASE "
                        + "WHEN value_number = ? THEN ? ELSE adopted_reason END WHERE period_id = ? AND figure_id = ?",
                valueNumber, valueNumber, reason, periodId, figureId);
    }

    @EventHandler
    void on(MetricDefined event, TrackingToken token, @Timestamp Instant recordedAt) {
        upsert(METRIC, event.label(), String.join(";", event.units()), event.aggregation().code(), event.chartable(),
                event.description(), event.metricId());
        advance(token, recordedAt);
    }

    /** A metric that aggregates otherwise now changes how every figure of it may be combined. */
    @EventHandler
    void on(MetricAmended event, TrackingToken token, @Timestamp Instant recordedAt) {
        upsert(METRIC, event.label(), String.join(";", event.units()), event.aggregation().code(), event.chartable(),
                event.description(), event.metricId());
        writes().add("UPDATE view_figure SET aggregation = ? WHERE metric = ?", event.aggregation().code(),
                event.metricId());
        advance(token, recordedAt);
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
        writes().add("UPDATE view_period SET version = ?, status = ?, publication = ?, published_position = ?, "
                + "changed_since_publication = FALSE WHERE period_id = ? AND version < ?", version,
                PeriodStatus.PUBLISHED.name(), event.number(), event.position(), event.periodId(), version);
        advance(token, recordedAt);
    }

    @EventHandler
    void on(Object otherEvent, TrackingToken token, @Timestamp Instant recordedAt) {
        advance(token, recordedAt);
    }

    /**
     * Empties every view, in the transaction that moves the token back to the start. On PostgreSQL with one
     * TRUNCATE (transactional there: a replay killed before it commits leaves the old views and their token): a
     * DELETE wrote every row's removal, and left the dead rows to the inserts that follow and to vacuum. H2's
     * TRUNCATE commits the transaction at once, which would part the views from their token: rows are deleted.
     */
    @ResetHandler
    void reset() {
        if (dialect() == Upsert.Dialect.POSTGRESQL) {
            jdbc.update("TRUNCATE " + String.join(", ", VIEW_TABLES));
            return;
        }
        for (String table : VIEW_TABLES) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    private void periodVersion(String periodId, long version) {
        writes().periodChanged(periodId, version);
    }

    private void periodStatus(String periodId, long version, PeriodStatus status) {
        writes().beforePeriodWrite(periodId);
        writes().add("UPDATE view_period SET version = ?, status = ? WHERE period_id = ? AND version < ?", version,
                status.name(), periodId, version);
    }

    /** Records how far the views have got, in the transaction that updates them. */
    private void advance(TrackingToken token, Instant recordedAt) {
        writes().advanceTo(token.position().orElse(0), recordedAt);
    }

    private void upsert(Upsert upsert, Object... arguments) {
        writes().upsert(upsert, arguments);
    }

    /** The writes of the batch being handled, sent when its transaction is about to commit. */
    private ViewWrites writes() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(ViewWrites.class.getName(), key -> {
            ViewWrites writes = new ViewWrites(jdbc, dialect());
            batch.onPrepareCommit(unit -> writes.send());
            return writes;
        });
    }

    private Upsert.Dialect dialect() {
        if (dialect == null) {
            dialect = Upsert.Dialect.of(jdbc);
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
