package org.programmeledger.analytics.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final MetricCatalogue catalogue;

    ViewsController(JdbcTemplate jdbc, LedgerViews views, MetricCatalogue catalogue) {
        this.jdbc = jdbc;
        this.views = views;
        this.catalogue = catalogue;
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

    /**
     * A figure as it reads now. {@code scope} is item, period or programme; {@code values} lists every source's
     * value when there is more than one, {@code disputed} while none of them is adopted.
     */
    record Figure(String periodId, String figureId, Integer item, String activityId, String metric, BigDecimal value,
                  String unit, String qualifier, String statedAs, String side, LocalDate extentStart,
                  LocalDate extentEnd, String extentPrecision, String basis, boolean corrected, boolean retracted,
                  BigDecimal valueHigh, String aggregation, String partOf, boolean disputed, String scope,
                  String dateLabel, Source source, List<Value> values) {
    }

    /** Where a value comes from: the quoted passage, and the document, its date, page or paragraph, and link. */
    record Source(String text, String document, String date, String location, String link) {
    }

    /** One source's value of a figure; number 0 is the one first recorded. */
    record Value(int number, BigDecimal value, BigDecimal valueHigh, String qualifier, String statedAs, Source source,
                 boolean adopted, String adoptedBecause) {
    }

    @Operation(summary = "The metric catalogue: units and how each metric's figures may be combined")
    @GetMapping("/api/metrics")
    ResponseEntity<List<MetricCatalogue.Metric>> metrics() {
        ViewPosition position = views.position();
        return answer(position, catalogue.metrics());
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
        Map<String, List<Value>> values = values(periodId, null);
        return answer(position, jdbc.query(figureSql() + " WHERE period_id = ? ORDER BY item_number, figure_id",
                (row, n) -> toFigure(row, values), periodId));
    }

    @Operation(summary = "The facts of a programme itself, in no plan period")
    @GetMapping("/api/programmes/{programmeId}/figures")
    ResponseEntity<List<Figure>> programmeFigures(@PathVariable String programmeId) {
        ViewPosition position = views.position();
        return answer(position, jdbc.query(figureSql() + " WHERE scope = 'programme' AND programme_id = ? "
                + "ORDER BY figure_id", (row, n) -> toFigure(row, Map.of()), programmeId));
    }

    @Operation(summary = "One figure, corrections applied")
    @GetMapping(PERIODS + "/{periodId}/figures/{figureId}")
    ResponseEntity<Figure> figure(@PathVariable String periodId, @PathVariable String figureId) {
        ViewPosition position = views.position();
        Map<String, List<Value>> values = values(periodId, figureId);
        return answer(position, single(jdbc.query(figureSql() + " WHERE period_id = ? AND figure_id = ?",
                (row, n) -> toFigure(row, values), periodId, figureId), "figure " + figureId + " of " + periodId));
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
                + "extent_start, extent_end, extent_precision, basis, corrected, retracted, value_high, aggregation, "
                + "part_of, disputed, scope, date_label, source, source_document, source_date, source_location, "
                + "source_link FROM view_figure";
    }

    private static Figure toFigure(ResultSet row, Map<String, List<Value>> values) throws SQLException {
        BigDecimal value = FigureValues.normalise(row.getBigDecimal(6));
        BigDecimal high = normaliseOrNull(row.getBigDecimal(16));
        Qualifier qualifier = Qualifier.valueOf(row.getString(8));
        return new Figure(row.getString(1), row.getString(2), row.getObject(3, Integer.class), row.getString(4),
                row.getString(5), value, row.getString(7), qualifier.code(), qualifier.phrase(value, high),
                Side.valueOf(row.getString(9)).code(), row.getObject(10, LocalDate.class),
                row.getObject(11, LocalDate.class), row.getString(12).toLowerCase(Locale.ROOT),
                Basis.valueOf(row.getString(13)).code(), row.getBoolean(14), row.getBoolean(15), high,
                row.getString(17), row.getString(18), row.getBoolean(19), row.getString(20), row.getString(21),
                source(row, 22), values.getOrDefault(row.getString(2), List.of()));
    }

    private static Source source(ResultSet row, int first) throws SQLException {
        return new Source(row.getString(first), row.getString(first + 1), row.getString(first + 2),
                row.getString(first + 3), row.getString(first + 4));
    }

    /** The values of the period's figures that have more than one (of one figure when figureId is given), by figure. */
    private Map<String, List<Value>> values(String periodId, String figureId) {
        Map<String, List<Value>> values = new HashMap<>();
        jdbc.query("SELECT figure_id, value_number, figure_value, value_high, qualifier, source, source_document, "
                + "source_date, source_location, source_link, adopted, adopted_reason FROM view_figure_value "
                + "WHERE period_id = ? AND figure_id " + (figureId == null ? "IS NOT NULL" : "= ?")
                + " ORDER BY figure_id, value_number", row -> {
                    BigDecimal value = FigureValues.normalise(row.getBigDecimal(3));
                    BigDecimal high = normaliseOrNull(row.getBigDecimal(4));
                    Qualifier qualifier = Qualifier.valueOf(row.getString(5));
                    values.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(new Value(row.getInt(2),
                            value, high, qualifier.code(), qualifier.phrase(value, high), source(row, 6),
                            row.getBoolean(11), row.getString(12)));
                }, figureId == null ? new Object[] {periodId} : new Object[] {periodId, figureId});
        return values;
    }

    private static BigDecimal normaliseOrNull(BigDecimal value) {
        return value == null ? null : FigureValues.normalise(value);
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
