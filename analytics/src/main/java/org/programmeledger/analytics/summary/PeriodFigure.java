package org.programmeledger.analytics.summary;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.CountedSum;
import org.programmeledger.analytics.aggregation.DisputedValues;
import org.programmeledger.analytics.aggregation.LineFigures;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Side;

/**
 * One figure overlapping the period, read once for every line it belongs to (the summary's, each heading's of the
 * breakdown), with the figure it is part of when that one is inside the period with the same metric, unit, basis
 * and aggregation: whether it is on the same line decides, per line, whether the figure is counted again.
 */
final class PeriodFigure {

    /** The columns {@link #read} reads, first in a select list, over view_figure {@code f} and its whole {@code w}. */
    static final String COLUMNS = "CASE WHEN " + PeriodSummaryJobConfiguration.WITHIN + " THEN 0 ELSE 1 END "
            + "AS spanning, f.period_id, f.item_number, f.metric, f.unit, f.side, f.basis, f.aggregation, "
            + "f.figure_id, f.figure_value, f.value_high, f.qualifier, f.part_of, f.disputed, f.extent_start, "
            + "f.extent_end, CASE WHEN w.figure_id IS NULL THEN 0 ELSE 1 END AS whole_found, "
            + "w.item_number AS whole_item, w.side AS whole_side";
    /** The number of {@link #COLUMNS}. */
    static final int COLUMN_COUNT = 19;
    /** The figure's whole, joined when it may be on a line with the figure. */
    static final String WHOLE = "LEFT JOIN view_figure w ON w.period_id = f.period_id AND w.figure_id = f.part_of "
            + "AND w.retracted = FALSE AND w.extent_start >= :first_day AND w.extent_end <= :last_day "
            + "AND w.metric = f.metric AND w.unit = f.unit AND w.basis = f.basis AND w.aggregation = f.aggregation";

    final boolean spanning;
    final String planPeriod;
    final Integer item;
    final String metric;
    final String unit;
    /** As view_figure stores it, by which the breakdown orders its side headings. */
    final String sideName;
    final Side side;
    final String basisName;
    final Basis basis;
    final String aggregationName;
    final Aggregation aggregation;
    final String figureId;
    private final String qualifier;
    private final BigDecimal value;
    private final BigDecimal high;
    private final String partOf;
    private final LocalDate extentStart;
    private final LocalDate extentEnd;
    /** Inside the period, a flow, undisputed, of a known qualifier: counted unless its whole is on its line. */
    private final boolean countable;
    final boolean wholeFound;
    final Integer wholeItem;
    final String wholeSide;
    private final boolean disputed;
    private final DisputedValues disputes;
    /** As stated, for a figure never counted: read with the row, so that an unknown qualifier makes it unreadable. */
    private Bound bound;
    private StatedFigure stated;

    private PeriodFigure(ResultSet row, DisputedValues disputes) throws SQLException {
        spanning = row.getInt(1) == 1;
        planPeriod = row.getString(2);
        item = row.getObject(3, Integer.class);
        metric = row.getString(4);
        unit = row.getString(5);
        sideName = row.getString(6);
        basisName = row.getString(7);
        aggregationName = row.getString(8);
        figureId = row.getString(9);
        value = row.getBigDecimal(10);
        high = row.getBigDecimal(11);
        qualifier = row.getString(12);
        partOf = row.getString(13);
        disputed = row.getBoolean(14);
        extentStart = row.getObject(15, LocalDate.class);
        extentEnd = row.getObject(16, LocalDate.class);
        wholeFound = row.getInt(17) == 1;
        wholeItem = row.getObject(18, Integer.class);
        wholeSide = row.getString(19);
        this.disputes = disputes;
        side = Side.valueOf(sideName);
        basis = Basis.valueOf(basisName);
        aggregation = Aggregation.fromCode(aggregationName);
        countable = !spanning && "sum".equals(aggregationName) && !disputed && CountedSum.counts(qualifier);
        if (!countable) {
            bound = bound();
        }
    }

    /**
     * @throws IllegalArgumentException for a code this version does not know
     */
    static PeriodFigure read(ResultSet row, DisputedValues disputes) throws SQLException {
        return new PeriodFigure(row, disputes);
    }

    /** Whether its whole is on the summary's line: the same item and side. */
    boolean wholeOnItsItemLine() {
        return wholeFound && Objects.equals(Objects.requireNonNullElse(wholeItem, 0),
                Objects.requireNonNullElse(item, 0)) && sideName.equals(wholeSide);
    }

    /** Adds the figure to a line: to its total, unless its whole is on the line too or it is never counted. */
    void addTo(LineFigures line, boolean wholeOnTheLine) {
        if (countable && !wholeOnTheLine) {
            line.counted().add(figureId, qualifier, value, high, extentStart, extentEnd);
        } else {
            line.addApart(stated());
        }
    }

    /** The figure as its source states it, for a line of its own; a dispute's values are read once, here. */
    StatedFigure stated() {
        if (stated == null) {
            stated = new StatedFigure(planPeriod, figureId, bound != null ? bound : bound(), extentStart, extentEnd,
                    partOf, disputed ? disputes.of(planPeriod, figureId) : List.<Bound>of());
        }
        return stated;
    }

    private Bound bound() {
        return Bound.stated(qualifier, FigureValues.normalise(value), high == null ? null
                : FigureValues.normalise(high));
    }
}
