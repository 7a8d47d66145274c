package org.programmeledger.analytics.summary;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.CountedSum;
import org.programmeledger.analytics.aggregation.DisputedValues;
import org.programmeledger.analytics.aggregation.IncludingFigures;
import org.programmeledger.analytics.aggregation.LineFigures;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Side;

/**
 * One figure overlapping the period, as one read gives it for one line (the summary's, or a heading's of the
 * breakdown), with whether a figure that includes it is on that line too: then it is not counted again.
 */
final class PeriodFigure {

    /**
     * The columns {@link #read} reads, first in a select list over view_figure {@code f}, but the last: whether the
     * figure is included in another on its line ({@link #includedOnLine}).
     */
    static final String COLUMNS = "CASE WHEN " + PeriodSummaryJobConfiguration.WITHIN + " THEN 0 ELSE 1 END "
            + "AS spanning, f.period_id, f.item_number, f.metric, f.unit, f.side, f.basis, f.aggregation, "
            + "f.figure_id, f.figure_value, f.value_high, f.qualifier, f.part_of, f.disputed, f.extent_start, "
            + "f.extent_end";
    /** The number of columns {@link #read} reads: {@link #COLUMNS} and the flag of {@link #includedOnLine}. */
    static final int COLUMN_COUNT = 17;

    /**
     * The last column {@link #read} reads: whether a figure that includes {@code f} (its whole, or a whole of that
     * one, however far up) is on f's line: inside the period, with f's metric, unit, basis and aggregation, and
     * with what {@code sameLine} further asks of it ({@code w}). The figures between may lie elsewhere.
     */
    static String includedOnLine(String sameLine) {
        return "CASE WHEN f.part_of IS NULL THEN 0 WHEN EXISTS (SELECT 1 " + IncludingFigures.of("f")
                + " AND w.extent_start >= :first_day AND w.extent_end <= :last_day AND w.basis = f.basis "
                + "AND w.aggregation = f.aggregation" + sameLine + ") THEN 1 ELSE 0 END AS included";
    }

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
    /** Inside the period, a flow, undisputed, of a known qualifier: counted unless included in another on its line. */
    private final boolean countable;
    /** Whether a figure that includes it is on the line the query reads it for. */
    private final boolean includedOnItsLine;
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
        includedOnItsLine = row.getInt(17) == 1;
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

    /** Adds the figure to its line: to its total, unless a figure that includes it is on the line or it never counts. */
    void addTo(LineFigures line) {
        if (countable && !includedOnItsLine) {
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
