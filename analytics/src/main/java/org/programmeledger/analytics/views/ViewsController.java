package org.programmeledger.analytics.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads of the ledger as it stands now, from the views. Each answer names the ledger position the
 * views had reached (header Ledger-Position); reads of a plan period carry its version as ETag.
 */
@RestController
@Tag(name = "reads")
class ViewsController {

    private static final String PERIODS = "/api/plan-periods";

    private final JdbcTemplate jdbc;
    private final LedgerViews views;

    ViewsController(JdbcTemplate jdbc, LedgerViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    record Organisation(String organisationId, String name, String abbreviation, String side) {
    }

    record Period(String periodId, String programmeId, String label, LocalDate startsOn, LocalDate endsOn,
                  long version) {
    }

    record Item(String periodId, int number, String title, String area, boolean newInPeriod,
                List<String> leadOrganisations, List<String> participatingOrganisations, String status) {
    }

    record Activity(String periodId, String activityId, int item, String kind, String title, List<String> organisers,
                    List<String> supporters, String mode, LocalDate dateStart, LocalDate dateEnd, String datePrecision,
                    boolean retracted) {
    }

    record Figure(String periodId, String figureId, int item, String activityId, String metric, BigDecimal value,
                  String unit, String qualifier, String statedAs, String side, LocalDate extentStart,
                  LocalDate extentEnd, String extentPrecision, String basis, boolean corrected, boolean retracted) {
    }

    @Operation(summary = "Registered organisations")
    @GetMapping("/api/organisations")
    ResponseEntity<List<Organisation>> organisations() {
        ViewPosition position = views.position();
        return answer(position, jdbc.query("SELECT organisation_id, name, abbreviation, side FROM view_organisation "
                + "ORDER BY organisation_id", (row, n) -> new Organisation(row.getString(1), row.getString(2),
                row.getString(3), Side.valueOf(row.getString(4)).code())));
    }

    @Operation(summary = "Plan periods")
    @GetMapping(PERIODS)
    ResponseEntity<List<Period>> periods() {
        ViewPosition position = views.position();
        return answer(position, jdbc.query(periodSql("") + " ORDER BY starts_on, period_id", this::toPeriod));
    }

    @Operation(summary = "A plan period, with its version (ETag)")
    @GetMapping(PERIODS + "/{periodId}")
    ResponseEntity<Period> period(@PathVariable String periodId) {
        ViewPosition position = views.position();
        Period period = single(jdbc.query(periodSql(" WHERE period_id = ?"), this::toPeriod, periodId),
                "plan period " + periodId);
        return ResponseEntity.ok().eTag("\"" + period.version() + "\"")
                .header("Ledger-Position", Long.toString(position.position())).body(period);
    }

    @Operation(summary = "The items of a plan period as they stand now")
    @GetMapping(PERIODS + "/{periodId}/items")
    ResponseEntity<List<Item>> items(@PathVariable String periodId) {
        ViewPosition position = views.position();
        return answer(position, jdbc.query(itemSql() + " WHERE period_id = ? ORDER BY item_number", this::toItem,
                periodId));
    }

    @Operation(summary = "One item of a plan period")
    @GetMapping(PERIODS + "/{periodId}/items/{number}")
    ResponseEntity<Item> item(@PathVariable String periodId, @PathVariable int number) {
        ViewPosition position = views.position();
        return answer(position, single(jdbc.query(itemSql() + " WHERE period_id = ? AND item_number = ?", this::toItem,
                periodId, number), "item " + number + " of " + periodId));
    }

    @Operation(summary = "The activities of a plan period, retracted ones marked")
    @GetMapping(PERIODS + "/{periodId}/activities")
    ResponseEntity<List<Activity>> activities(@PathVariable String periodId) {
        ViewPosition position = views.position();
        return answer(position, jdbc.query(activitySql() + " WHERE period_id = ? ORDER BY item_number, activity_id",
                this::toActivity, periodId));
    }

    @Operation(summary = "One activity")
    @GetMapping(PERIODS + "/{periodId}/activities/{activityId}")
    ResponseEntity<Activity> activity(@PathVariable String periodId, @PathVariable String activityId) {
        ViewPosition position = views.position();
        return answer(position, single(jdbc.query(activitySql() + " WHERE period_id = ? AND activity_id = ?",
                this::toActivity, periodId, activityId), "activity " + activityId + " of " + periodId));
    }

    @Operation(summary = "The figures of a plan period, corrections applied")
    @GetMapping(PERIODS + "/{periodId}/figures")
    ResponseEntity<List<Figure>> figures(@PathVariable String periodId) {
        ViewPosition position = views.position();
        return answer(position, jdbc.query(figureSql() + " WHERE period_id = ? ORDER BY item_number, figure_id",
                this::toFigure, periodId));
    }

    @Operation(summary = "One figure, corrections applied")
    @GetMapping(PERIODS + "/{periodId}/figures/{figureId}")
    ResponseEntity<Figure> figure(@PathVariable String periodId, @PathVariable String figureId) {
        ViewPosition position = views.position();
        return answer(position, single(jdbc.query(figureSql() + " WHERE period_id = ? AND figure_id = ?",
                this::toFigure, periodId, figureId), "figure " + figureId + " of " + periodId));
    }

    private static <T> ResponseEntity<T> answer(ViewPosition position, T body) {
        return ResponseEntity.ok().header("Ledger-Position", Long.toString(position.position())).body(body);
    }

    private static <T> T single(List<T> rows, String what) {
        if (rows.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, what + " is not in the ledger");
        }
        return rows.get(0);
    }

    private static String periodSql(String where) {
        return "SELECT period_id, programme_id, label, starts_on, ends_on, version FROM view_period" + where;
    }

    private Period toPeriod(ResultSet row, int n) throws SQLException {
        return new Period(row.getString(1), row.getString(2), row.getString(3), row.getObject(4, LocalDate.class),
                row.getObject(5, LocalDate.class), row.getLong(6));
    }

    private static String itemSql() {
        return "SELECT period_id, item_number, title, area, new_in_period, lead, participants, status FROM view_item";
    }

    private Item toItem(ResultSet row, int n) throws SQLException {
        return new Item(row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getBoolean(5),
                ids(row.getString(6)), ids(row.getString(7)), row.getString(8));
    }

    private static String activitySql() {
        return "SELECT period_id, activity_id, item_number, kind, title, organisers, supporters, mode, date_start, "
                + "date_end, date_precision, retracted FROM view_activity";
    }

    private Activity toActivity(ResultSet row, int n) throws SQLException {
        return new Activity(row.getString(1), row.getString(2), row.getInt(3),
                ActivityKind.valueOf(row.getString(4)).code(), row.getString(5), ids(row.getString(6)),
                ids(row.getString(7)), ActivityMode.valueOf(row.getString(8)).code(),
                row.getObject(9, LocalDate.class), row.getObject(10, LocalDate.class),
                row.getString(11).toLowerCase(Locale.ROOT), row.getBoolean(12));
    }

    private static String figureSql() {
        return "SELECT period_id, figure_id, item_number, activity_id, metric, figure_value, unit, qualifier, side, "
                + "extent_start, extent_end, extent_precision, basis, corrected, retracted FROM view_figure";
    }

    private Figure toFigure(ResultSet row, int n) throws SQLException {
        BigDecimal value = FigureValues.normalise(row.getBigDecimal(6));
        Qualifier qualifier = Qualifier.valueOf(row.getString(8));
        return new Figure(row.getString(1), row.getString(2), row.getInt(3), row.getString(4), row.getString(5),
                value, row.getString(7), qualifier.code(), qualifier.phrase(value),
                Side.valueOf(row.getString(9)).code(), row.getObject(10, LocalDate.class),
                row.getObject(11, LocalDate.class), row.getString(12).toLowerCase(Locale.ROOT),
                Basis.valueOf(row.getString(13)).code(), row.getBoolean(14), row.getBoolean(15));
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
