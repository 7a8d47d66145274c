package org.programmeledger.analytics.views;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the events into the view_* tables that the batch jobs read. Every handler may see an event
 * twice after a crash, so each one writes the state the event implies rather than adding to it.
 */
@Component
@ProcessingGroup(LedgerViews.PROCESSING_GROUP)
class LedgerViewsProjection {

    private final JdbcTemplate jdbc;

    LedgerViewsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeEstablished event, TrackingToken token, @Timestamp Instant recordedAt) {
        upsert("UPDATE view_programme SET name = ? WHERE programme_id = ?",
                "INSERT INTO view_programme (name, programme_id) VALUES (?, ?)", event.name(), event.programmeId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(PlanPeriodOpened event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        upsert("UPDATE view_period SET programme_id = ?, label = ?, starts_on = ?, ends_on = ?, version = ? "
                        + "WHERE period_id = ?",
                "INSERT INTO view_period (programme_id, label, starts_on, ends_on, version, period_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                event.programmeId(), event.label(), event.startsOn(), event.endsOn(), version, event.periodId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(OrganisationRegistered event, TrackingToken token, @Timestamp Instant recordedAt) {
        upsert("UPDATE view_organisation SET name = ?, abbreviation = ?, side = ? WHERE organisation_id = ?",
                "INSERT INTO view_organisation (name, abbreviation, side, organisation_id) VALUES (?, ?, ?, ?)",
                event.name(), event.abbreviation(), event.side().name(), event.organisationId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ItemRegistered event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        upsert("UPDATE view_item SET title = ?, area = ?, new_in_period = ?, lead = ?, participants = ?, status = ? "
                        + "WHERE period_id = ? AND item_number = ?",
                "INSERT INTO view_item (title, area, new_in_period, lead, participants, status, period_id, "
                        + "item_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.title(), event.area(), event.newInPeriod(), joined(event.leadOrganisations()),
                joined(event.participatingOrganisations()), "REGISTERED", event.periodId(), event.number());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ItemAmended event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        jdbc.update("UPDATE view_item SET title = ?, area = ? WHERE period_id = ? AND item_number = ?",
                event.title(), event.area(), event.periodId(), event.number());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ItemCompleted event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        jdbc.update("UPDATE view_item SET status = 'COMPLETED' WHERE period_id = ? AND item_number = ?",
                event.periodId(), event.number());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ActivityRecorded event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        upsert("UPDATE view_activity SET item_number = ?, kind = ?, title = ?, organisers = ?, supporters = ?, "
                        + "mode = ?, date_start = ?, date_end = ?, date_precision = ?, retracted = FALSE "
                        + "WHERE period_id = ? AND activity_id = ?",
                "INSERT INTO view_activity (item_number, kind, title, organisers, supporters, mode, date_start, "
                        + "date_end, date_precision, retracted, period_id, activity_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)",
                event.itemNumber(), event.kind().name(), event.title(), joined(event.organisers()),
                joined(event.supporters()), event.mode().name(), event.date().start(), event.date().end(),
                event.date().precision().name(), event.periodId(), event.activityId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(ActivityRetracted event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        jdbc.update("UPDATE view_activity SET retracted = TRUE WHERE period_id = ? AND activity_id = ?",
                event.periodId(), event.activityId());
        jdbc.update("UPDATE view_figure SET retracted = TRUE WHERE period_id = ? AND activity_id = ?",
                event.periodId(), event.activityId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(FigureRecorded event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        upsert("UPDATE view_figure SET item_number = ?, activity_id = ?, metric = ?, figure_value = ?, unit = ?, "
                        + "qualifier = ?, side = ?, extent_start = ?, extent_end = ?, extent_precision = ?, basis = ?, "
                        + "corrected = FALSE, retracted = FALSE WHERE period_id = ? AND figure_id = ?",
                "INSERT INTO view_figure (item_number, activity_id, metric, figure_value, unit, qualifier, side, "
                        + "extent_start, extent_end, extent_precision, basis, corrected, retracted, period_id, "
                        + "figure_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?, ?)",
                event.itemNumber(), event.activityId(), event.metric(), event.value(), event.unit(),
                event.qualifier().name(), event.side().name(), event.extent().start(), event.extent().end(),
                event.extent().precision().name(), event.basis().name(), event.periodId(), event.figureId());
        advance(token, recordedAt);
    }

    @EventHandler
    void on(FigureCorrected event, @SequenceNumber long version, TrackingToken token,
            @Timestamp Instant recordedAt) {
        periodVersion(event.periodId(), version);
        jdbc.update("UPDATE view_figure SET figure_value = ?, qualifier = ?, corrected = TRUE "
                        + "WHERE period_id = ? AND figure_id = ?",
                event.value(), event.qualifier().name(), event.periodId(), event.figureId());
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
        jdbc.update("UPDATE view_period SET version = ?, status = ?, publication = ?, published_position = ?, "
                + "changed_since_publication = FALSE WHERE period_id = ? AND version < ?", version,
                PeriodStatus.PUBLISHED.name(), event.number(), event.position(), event.periodId(), version);
        advance(token, recordedAt);
    }

    @EventHandler
    void on(Object otherEvent, TrackingToken token, @Timestamp Instant recordedAt) {
        advance(token, recordedAt);
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("view_figure", "view_activity", "view_item", "view_organisation", "view_period",
                "view_programme", "view_position")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** The plan period's aggregate version, which clients send back as If-Match. */
    /** A change to the period's content; after a publication it marks the period changed since. */
    private void periodVersion(String periodId, long version) {
        jdbc.update("UPDATE view_period SET version = ?, changed_since_publication = (publication IS NOT NULL) "
                + "WHERE period_id = ? AND version < ?", version, periodId, version);
    }

    private void periodStatus(String periodId, long version, PeriodStatus status) {
        jdbc.update("UPDATE view_period SET version = ?, status = ? WHERE period_id = ? AND version < ?", version,
                status.name(), periodId, version);
    }

    private void upsert(String update, String insert, Object... arguments) {
        if (jdbc.update(update, arguments) == 0) {
            jdbc.update(insert, arguments);
        }
    }

    /** Records how far the views have got, in the transaction that updates them. */
    private void advance(TrackingToken token, Instant recordedAt) {
        long position = token.position().orElse(0);
        if (jdbc.update("UPDATE view_position SET position = ?, recorded_at = ? WHERE view_name = ? AND position < ?",
                position, recordedAt.toString(), LedgerViews.PROCESSING_GROUP, position) == 0) {
            Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM view_position WHERE view_name = ?",
                    Integer.class, LedgerViews.PROCESSING_GROUP);
            if (rows == null || rows == 0) {
                jdbc.update("INSERT INTO view_position (view_name, position, recorded_at) VALUES (?, ?, ?)",
                        LedgerViews.PROCESSING_GROUP, position, recordedAt.toString());
            }
        }
    }

    private static String joined(List<String> ids) {
        return String.join(";", ids);
    }
}
