package org.programmeledger.dashboards.views;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analytics.views.ViewPosition;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureScope;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * What the dashboard, the charts and the report show, read from analytics' views (never the event store),
 * with organisations by name. Retracted activities and their figures are returned, marked, so that
 * pages can show them struck out; totals and charts leave them out.
 */
@Component
public class DashboardQueries {

    private static final String FIGURE_COLUMNS = "figure_id, item_number, activity_id, metric, figure_value, unit, "
            + "qualifier, side, extent_start, extent_end, extent_precision, basis, corrected, retracted, value_high, "
            + "aggregation, part_of, disputed, scope, source, source_document, source_date, source_location, "
            + "source_link, date_label";

    private final JdbcTemplate jdbc;
    private final LedgerViews views;

    DashboardQueries(JdbcTemplate jdbc, LedgerViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    public ViewPosition position() {
        return views.position();
    }

    public List<PeriodView> periods() {
        return jdbc.query("SELECT p.period_id, g.name, p.label, p.starts_on, p.ends_on, p.status, p.publication, "
                + "p.published_position, p.changed_since_publication FROM view_period p "
                + "JOIN view_programme g ON g.programme_id = p.programme_id ORDER BY p.starts_on, p.period_id",
                (row, n) -> new PeriodView(row.getString(1), row.getString(2), row.getString(3),
                        row.getDate(4).toLocalDate(), row.getDate(5).toLocalDate(), row.getString(6),
                        row.getObject(7) == null ? null : row.getInt(7), row.getObject(8) == null ? null : row.getLong(8),
                        row.getBoolean(9)));
    }

    public Optional<PeriodView> period(String periodId) {
        return periods().stream().filter(period -> period.periodId().equals(periodId)).findFirst();
    }

    public List<ItemView> items(String periodId) {
        Map<String, String> names = organisationNames();
        return jdbc.query("SELECT period_id, item_number, title, area, new_in_period, status, lead, participants "
                        + "FROM view_item WHERE period_id = ? ORDER BY item_number",
                (row, n) -> new ItemView(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getBoolean(5), row.getString(6), named(row.getString(7), names),
                        named(row.getString(8), names)), periodId);
    }

    public Optional<ItemView> item(String periodId, int number) {
        return items(periodId).stream().filter(item -> item.number() == number).findFirst();
    }

    /** The item's activities in date order; an activity with no stated date sorts by its plan period. */
    public List<ActivityView> activities(String periodId, int itemNumber) {
        Map<String, String> names = organisationNames();
        return jdbc.query("SELECT activity_id, item_number, kind, title, organisers, supporters, mode, date_start, "
                        + "date_end, date_precision, retracted FROM view_activity "
                        + "WHERE period_id = ? AND item_number = ? ORDER BY date_start, date_end, activity_id",
                (row, n) -> new ActivityView(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        named(row.getString(5), names), named(row.getString(6), names), row.getString(7),
                        extent(row, 8), row.getBoolean(11)), periodId, itemNumber);
    }

    /** The period's figures, those of items by item and then the facts of the plan period itself. */
    public List<FigureView> figures(String periodId) {
        return withValues(jdbc.query("SELECT " + FIGURE_COLUMNS + " FROM view_figure WHERE period_id = ? "
                + "ORDER BY item_number NULLS LAST, figure_id", DashboardQueries::figure, periodId),
                periodId);
    }

    public List<FigureView> figures(String periodId, int itemNumber) {
        return withValues(jdbc.query("SELECT " + FIGURE_COLUMNS + " FROM view_figure WHERE period_id = ? "
                + "AND item_number = ? ORDER BY figure_id", DashboardQueries::figure, periodId, itemNumber),
                periodId);
    }

    /**
     * The facts of each programme itself, in no plan period, by programme name; the views keep them under the
     * programme's id where a plan period's id would be.
     */
    public Map<String, List<FigureView>> programmeFacts() {
        Map<String, List<FigureView>> facts = new LinkedHashMap<>();
        jdbc.query("SELECT programme_id, name FROM view_programme ORDER BY name, programme_id",
                (row, n) -> Map.entry(row.getString(1), row.getString(2))).forEach(programme -> {
                    List<FigureView> ofProgramme = withValues(jdbc.query("SELECT " + FIGURE_COLUMNS
                            + " FROM view_figure WHERE period_id = ? AND scope = 'programme' "
                            + "ORDER BY extent_end NULLS LAST, figure_id", DashboardQueries::figure,
                            programme.getKey()), programme.getKey());
                    if (!ofProgramme.isEmpty()) {
                        facts.put(programme.getValue(), ofProgramme);
                    }
                });
        return facts;
    }

    /** The facts of a plan period that belong to no item of it. */
    public List<FigureView> periodFacts(String periodId) {
        return figures(periodId).stream().filter(figure -> !figure.ofAnItem()).toList();
    }

    /** The figures of a metric that stand (retracted ones left out), in the order of the days they count up to. */
    public List<FigureView> figuresOf(String metric) {
        // An undated fact (a programme's "14th meeting") has no place on a time axis: it is left out, not guessed.
        return jdbc.query("SELECT " + FIGURE_COLUMNS + " FROM view_figure WHERE metric = ? AND retracted = FALSE "
                + "AND extent_start IS NOT NULL "
                + "ORDER BY extent_end, extent_start, period_id, figure_id", DashboardQueries::figure, metric);
    }

    /** The figures of one plan period, each with every value its sources give when there is more than one. */
    private List<FigureView> withValues(List<FigureView> figures, String periodId) {
        Map<String, List<FigureValue>> values = new HashMap<>();
        jdbc.query("SELECT v.figure_id, v.figure_value, v.value_high, v.qualifier, v.source, "
                + "v.source_document, v.source_date, v.source_location, v.source_link, v.adopted, v.adopted_reason "
                + "FROM view_figure_value v WHERE v.period_id = ? ORDER BY v.value_number",
                (RowCallbackHandler) row -> {
                    BigDecimal high = row.getBigDecimal(3);
                    values.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(new FigureValue(
                            Bound.stated(row.getString(4), plain(row.getBigDecimal(2)), high == null ? null
                                    : plain(high)), new FigureSource(row.getString(5), row.getString(6),
                            row.getString(7), row.getString(8), row.getString(9)), row.getBoolean(10),
                            row.getString(11)));
                }, periodId);
        return figures.stream().map(figure -> values.containsKey(figure.figureId())
                ? figure.withValues(values.get(figure.figureId())) : figure).toList();
    }

    private static FigureView figure(ResultSet row, int n) throws SQLException {
        BigDecimal high = row.getBigDecimal(15);
        return new FigureView(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                plain(row.getBigDecimal(5)), row.getString(6), Qualifier.valueOf(row.getString(7)),
                Side.valueOf(row.getString(8)), extent(row, 9), row.getString(12), row.getBoolean(13),
                row.getBoolean(14), high == null ? null : plain(high), Aggregation.fromCode(row.getString(16)),
                row.getString(17), row.getBoolean(18), scope(row.getString(19)), new FigureSource(row.getString(20),
                        row.getString(21), row.getString(22), row.getString(23), row.getString(24)),
                row.getString(25), List.of());
    }

    /** "Name (ABBR)" by organisation id. */
    private Map<String, String> organisationNames() {
        return jdbc.query("SELECT organisation_id, name, abbreviation FROM view_organisation", (row, n) -> Map.entry(
                        row.getString(1), row.getString(3) == null || row.getString(3).isBlank() ? row.getString(2)
                                : row.getString(2) + " (" + row.getString(3) + ")"))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<String> named(String ids, Map<String, String> names) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        return Arrays.stream(ids.split(";")).map(id -> names.getOrDefault(id, id)).toList();
    }

    /** An undated fact keeps no date: its extent has no bounds. */
    private static Extent extent(ResultSet row, int firstColumn) throws SQLException {
        java.sql.Date start = row.getDate(firstColumn);
        java.sql.Date end = row.getDate(firstColumn + 1);
        return new Extent(start == null ? null : start.toLocalDate(), end == null ? null : end.toLocalDate(),
                DatePrecision.valueOf(row.getString(firstColumn + 2)));
    }

    private static FigureScope scope(String code) {
        return Arrays.stream(FigureScope.values()).filter(scope -> scope.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no figure scope '" + code + "'"));
    }

    /** The views store six decimals; a reader sees 250, not 250.000000. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
