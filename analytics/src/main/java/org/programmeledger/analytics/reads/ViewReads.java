package org.programmeledger.analytics.reads;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureScope;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.PeriodStatus;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The one reader of the views as they stand now (the view_* tables the projection keeps), for the REST API, the
 * dashboard, the charts, the report and the command line: typed records out, never a table name or a column.
 * Values are as stated (250, not 250.000000); retracted activities and figures are returned, marked. Only the
 * projection, the replay and the batch jobs' streaming cursors name the tables besides.
 */
@Component
public class ViewReads {

    /** A registered organisation. */
    public record Organisation(String organisationId, String name, String abbreviation, Side side) {

        /** "Name (ABBR)", or the name alone when it has no abbreviation. */
        public String label() {
            return abbreviation == null || abbreviation.isBlank() ? name : name + " (" + abbreviation + ")";
        }
    }

    /**
     * A plan period, with where it stands on the way to publication.
     *
     * @param version the plan period's aggregate version (clients send it back as If-Match)
     * @param publication the latest publication's number, or null
     */
    public record Period(String periodId, String programmeId, String programmeName, String label,
                         LocalDate startsOn, LocalDate endsOn, long version, PeriodStatus status, Integer publication,
                         Long publishedPosition, boolean changedSincePublication) {
    }

    /** A co-operation item; organisations by id, in the order the item names them. */
    public record Item(String periodId, int number, String title, String area, boolean newInPeriod,
                       List<String> leadOrganisations, List<String> participatingOrganisations, String status) {
    }

    /** An activity; its date where it was placed, with the precision stated. */
    public record Activity(String periodId, String activityId, int item, ActivityKind kind, String title,
                           List<String> organisers, List<String> supporters, ActivityMode mode, Extent date,
                           boolean retracted) {
    }

    /** Where a value comes from: the quoted passage, and the document, its date, page or paragraph, and link. */
    public record Source(String text, String document, String date, String location, String link) {
    }

    /**
     * A figure as it reads now, corrections applied.
     *
     * @param periodId its plan period, or its programme for a programme's own fact
     * @param item its item; null for a fact of the plan period or the programme
     * @param values every source's value when there is more than one; empty otherwise
     */
    public record Figure(String periodId, String figureId, Integer item, String activityId, String metric,
                         BigDecimal value, String unit, Qualifier qualifier, Side side, Extent extent, Basis basis,
                         boolean corrected, boolean retracted, BigDecimal valueHigh, Aggregation aggregation,
                         String partOf, boolean disputed, FigureScope scope, String dateLabel, Source source,
                         List<Value> values) {
    }

    /** One source's value of a figure; number 0 is the one first recorded (or its correction). */
    public record Value(int number, BigDecimal value, BigDecimal valueHigh, Qualifier qualifier, Source source,
                        boolean adopted, String adoptedReason) {
    }

    /** A programme. */
    public record Programme(String programmeId, String name) {
    }

    /** How much a plan period holds: the one-screen summary of the command line. */
    public record PeriodCounts(int items, int completedItems, List<Integer> newItems, int activities, int figures) {
    }

    private static final String PERIOD_SQL = "SELECT p.period_id, p.programme_id, g.name, p.label, p.starts_on, "
            + "p.ends_on, p.version, p.status, p.publication, p.published_position, p.changed_since_publication "
            + "FROM view_period p JOIN view_programme g ON g.programme_id = p.programme_id";
    private static final String ITEM_SQL = "SELECT period_id, item_number, title, area, new_in_period, lead, "
            + "participants, status FROM view_item";
    private static final String ACTIVITY_SQL = "SELECT period_id, activity_id, item_number, kind, title, organisers, "
            + "supporters, mode, date_start, date_end, date_precision, retracted FROM view_activity";
    private static final String FIGURE_SQL = "SELECT period_id, figure_id, item_number, activity_id, metric, "
            + "figure_value, unit, qualifier, side, extent_start, extent_end, extent_precision, basis, corrected, "
            + "retracted, value_high, aggregation, part_of, disputed, scope, date_label, source, source_document, "
            + "source_date, source_location, source_link FROM view_figure";
    /** Items' figures by item, then the plan period's own facts. */
    private static final String FIGURE_ORDER = " ORDER BY item_number NULLS LAST, figure_id";

    private final JdbcTemplate jdbc;

    ViewReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Organisation> organisations() {
        return jdbc.query("SELECT organisation_id, name, abbreviation, side FROM view_organisation "
                + "ORDER BY organisation_id", (row, n) -> new Organisation(row.getString(1), row.getString(2),
                row.getString(3), Side.valueOf(row.getString(4))));
    }

    public List<Programme> programmes() {
        return jdbc.query("SELECT programme_id, name FROM view_programme ORDER BY name, programme_id",
                (row, n) -> new Programme(row.getString(1), row.getString(2)));
    }

    /** The plan periods in the order they start. */
    public List<Period> periods() {
        return jdbc.query(PERIOD_SQL + " ORDER BY p.starts_on, p.period_id", ViewReads::period);
    }

    public Optional<Period> period(String periodId) {
        return jdbc.query(PERIOD_SQL + " WHERE p.period_id = ?", ViewReads::period, periodId).stream().findFirst();
    }

    public PeriodCounts counts(String periodId) {
        return new PeriodCounts(count("SELECT COUNT(*) FROM view_item WHERE period_id = ?", periodId),
                count("SELECT COUNT(*) FROM view_item WHERE period_id = ? AND status = 'COMPLETED'", periodId),
                jdbc.queryForList("SELECT item_number FROM view_item WHERE period_id = ? AND new_in_period "
                        + "ORDER BY item_number", Integer.class, periodId),
                count("SELECT COUNT(*) FROM view_activity WHERE period_id = ? AND NOT retracted", periodId),
                count("SELECT COUNT(*) FROM view_figure WHERE period_id = ? AND NOT retracted", periodId));
    }

    /** The period's items by number. */
    public List<Item> items(String periodId) {
        return jdbc.query(ITEM_SQL + " WHERE period_id = ? ORDER BY item_number", ViewReads::item, periodId);
    }

    public Optional<Item> item(String periodId, int number) {
        return jdbc.query(ITEM_SQL + " WHERE period_id = ? AND item_number = ?", ViewReads::item, periodId, number)
                .stream().findFirst();
    }

    /** The period's activities by item. */
    public List<Activity> activities(String periodId) {
        return jdbc.query(ACTIVITY_SQL + " WHERE period_id = ? ORDER BY item_number, activity_id",
                ViewReads::activity, periodId);
    }

    /** The item's activities in date order; an activity with no stated date sorts by its plan period. */
    public List<Activity> activities(String periodId, int item) {
        return jdbc.query(ACTIVITY_SQL + " WHERE period_id = ? AND item_number = ? "
                + "ORDER BY date_start, date_end, activity_id", ViewReads::activity, periodId, item);
    }

    public Optional<Activity> activity(String periodId, String activityId) {
        return jdbc.query(ACTIVITY_SQL + " WHERE period_id = ? AND activity_id = ?", ViewReads::activity, periodId,
                activityId).stream().findFirst();
    }

    /** The period's figures, those of items by item and then the facts of the plan period itself. */
    public List<Figure> figures(String periodId) {
        return withValues(periodId, null, jdbc.query(FIGURE_SQL + " WHERE period_id = ?" + FIGURE_ORDER,
                ViewReads::figure, periodId));
    }

    public List<Figure> figures(String periodId, int item) {
        return withValues(periodId, null, jdbc.query(FIGURE_SQL + " WHERE period_id = ? AND item_number = ? "
                + "ORDER BY figure_id", ViewReads::figure, periodId, item));
    }

    public Optional<Figure> figure(String periodId, String figureId) {
        return withValues(periodId, figureId, jdbc.query(FIGURE_SQL + " WHERE period_id = ? AND figure_id = ?",
                ViewReads::figure, periodId, figureId)).stream().findFirst();
    }

    /** The facts of a programme itself, in no plan period, in the order of the days they count up to. */
    public List<Figure> programmeFigures(String programmeId) {
        return withValues(programmeId, null, jdbc.query(FIGURE_SQL + " WHERE scope = 'programme' "
                + "AND programme_id = ? ORDER BY extent_end NULLS LAST, figure_id", ViewReads::figure, programmeId));
    }

    /**
     * The figures of a metric that stand (retracted ones left out) and have a date, in the order of the days they
     * count up to. An undated fact (a programme's "14th meeting") has no place on a time axis.
     */
    public List<Figure> datedFiguresOf(String metric) {
        return jdbc.query(FIGURE_SQL + " WHERE metric = ? AND retracted = FALSE AND extent_start IS NOT NULL "
                + "ORDER BY extent_end, extent_start, period_id, figure_id", ViewReads::figure, metric);
    }

    private int count(String sql, String periodId) {
        Integer count = jdbc.queryForObject(sql, Integer.class, periodId);
        return count == null ? 0 : count;
    }

    /** The figures of one plan period (one figure when figureId is given), each with its values. */
    private List<Figure> withValues(String periodId, String figureId, List<Figure> figures) {
        if (figures.isEmpty()) {
            return figures;
        }
        Map<String, List<Value>> values = new HashMap<>();
        jdbc.query("SELECT figure_id, value_number, figure_value, value_high, qualifier, source, source_document, "
                + "source_date, source_location, source_link, adopted, adopted_reason FROM view_figure_value "
                + "WHERE period_id = ? AND figure_id " + (figureId == null ? "IS NOT NULL" : "= ?")
                + " ORDER BY figure_id, value_number", (RowCallbackHandler) row -> values.computeIfAbsent(
                        row.getString(1), id -> new ArrayList<>()).add(new Value(row.getInt(2),
                        FigureValues.normalise(row.getBigDecimal(3)), normaliseOrNull(row.getBigDecimal(4)),
                        Qualifier.valueOf(row.getString(5)), source(row, 6), row.getBoolean(11), row.getString(12))),
                figureId == null ? new Object[] {periodId} : new Object[] {periodId, figureId});
        return figures.stream().map(figure -> values.containsKey(figure.figureId()) ? withValues(figure,
                values.get(figure.figureId())) : figure).toList();
    }

    private static Figure withValues(Figure f, List<Value> values) {
        return new Figure(f.periodId(), f.figureId(), f.item(), f.activityId(), f.metric(), f.value(), f.unit(),
                f.qualifier(), f.side(), f.extent(), f.basis(), f.corrected(), f.retracted(), f.valueHigh(),
                f.aggregation(), f.partOf(), f.disputed(), f.scope(), f.dateLabel(), f.source(), List.copyOf(values));
    }

    private static Period period(ResultSet row, int n) throws SQLException {
        return new Period(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getObject(5, LocalDate.class), row.getObject(6, LocalDate.class), row.getLong(7),
                PeriodStatus.valueOf(row.getString(8)), row.getObject(9, Integer.class),
                row.getObject(10, Long.class), row.getBoolean(11));
    }

    private static Item item(ResultSet row, int n) throws SQLException {
        return new Item(row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getBoolean(5),
                ids(row.getString(6)), ids(row.getString(7)), row.getString(8));
    }

    private static Activity activity(ResultSet row, int n) throws SQLException {
        return new Activity(row.getString(1), row.getString(2), row.getInt(3), ActivityKind.valueOf(row.getString(4)),
                row.getString(5), ids(row.getString(6)), ids(row.getString(7)), ActivityMode.valueOf(row.getString(8)),
                extent(row, 9), row.getBoolean(12));
    }

    private static Figure figure(ResultSet row, int n) throws SQLException {
        return new Figure(row.getString(1), row.getString(2), row.getObject(3, Integer.class), row.getString(4),
                row.getString(5), FigureValues.normalise(row.getBigDecimal(6)), row.getString(7),
                Qualifier.valueOf(row.getString(8)), Side.valueOf(row.getString(9)), extent(row, 10),
                Basis.valueOf(row.getString(13)), row.getBoolean(14), row.getBoolean(15),
                normaliseOrNull(row.getBigDecimal(16)), Aggregation.fromCode(row.getString(17)), row.getString(18),
                row.getBoolean(19), scope(row.getString(20)), row.getString(21), source(row, 22), List.of());
    }

    private static Source source(ResultSet row, int first) throws SQLException {
        return new Source(row.getString(first), row.getString(first + 1), row.getString(first + 2),
                row.getString(first + 3), row.getString(first + 4));
    }

    /** An undated fact keeps no date: its extent has no bounds. */
    private static Extent extent(ResultSet row, int first) throws SQLException {
        return new Extent(row.getObject(first, LocalDate.class), row.getObject(first + 1, LocalDate.class),
                DatePrecision.valueOf(row.getString(first + 2)));
    }

    private static FigureScope scope(String code) {
        return Arrays.stream(FigureScope.values()).filter(scope -> scope.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no figure scope '" + code + "'"));
    }

    private static BigDecimal normaliseOrNull(BigDecimal value) {
        return value == null ? null : FigureValues.normalise(value);
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
