package org.programmeledger.analytics.aggregation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.FigureValues;

/**
 * What a row of grouped figures brings to its line: the flows the database counted and added up, or one figure
 * as stated, which {@link Combination} places on a line of its own (or, for a metric never added, among the
 * line's points). The query groups view_figure rows, named {@code p}, by {@code single_id} and
 * {@code single_period} besides the line's key: both null for the figures it counts (flows inside the line,
 * undisputed, with a qualifier {@link FigureSums#known known}, part of no other figure of the line), the figure's
 * own for any other figure.
 */
public record LinePart(Combination.Counted counted, StatedFigure figure) {

    /**
     * The grouped columns a {@link Reader} reads; {@code figure_id} lists the figures (one for a figure on its own),
     * so that a row the job cannot read is named by them.
     *
     * @param figureIds the database's aggregate that lists {@code p.figure_id} in the order the line lists them
     * @param minScale as {@link FigureSums#columns} takes it
     */
    public static String columns(String figureIds, UnaryOperator<String> minScale) {
        return "CASE WHEN single_id IS NULL THEN 0 ELSE 1 END AS single, MIN(p.extent_start) AS extent_start, "
                + "MAX(p.extent_end) AS extent_end, " + figureIds + " AS figure_id, "
                + "MAX(p.figure_value) AS figure_value, MAX(p.value_high) AS value_high, "
                + "MAX(p.qualifier) AS qualifier, MAX(p.part_of) AS part_of, "
                + "MAX(CASE WHEN p.disputed THEN 1 ELSE 0 END) AS disputed, " + FigureSums.columns("p", minScale);
    }

    /**
     * Reads the parts of a result's rows by position, finding the columns by label on its first row only: the
     * jobs read a row per line, and a lookup by label per column and row cost more than the reading.
     */
    public static final class Reader {

        private final DisputedValues disputes;
        private ResultSet located;
        private int singleId;
        private int singlePeriod;
        private int extentStart;
        private int extentEnd;
        private int figureIds;
        private int figureValue;
        private int valueHigh;
        private int qualifier;
        private int partOf;
        private int disputed;
        private int sums;

        public Reader(DisputedValues disputes) {
            this.disputes = disputes;
        }

        public LinePart of(ResultSet row) throws SQLException {
            if (row != located) {
                locate(row);
            }
            LocalDate start = row.getObject(extentStart, LocalDate.class);
            LocalDate end = row.getObject(extentEnd, LocalDate.class);
            String figureId = row.getString(singleId);
            if (figureId == null) {
                return new LinePart(new Combination.Counted(FigureSums.total(row, sums), start, end,
                        Arrays.asList(row.getString(figureIds).split(";"))), null);
            }
            String planPeriod = row.getString(singlePeriod);
            BigDecimal high = row.getBigDecimal(valueHigh);
            return new LinePart(null, new StatedFigure(planPeriod, figureId, Bound.stated(row.getString(qualifier),
                    FigureValues.normalise(row.getBigDecimal(figureValue)),
                    high == null ? null : FigureValues.normalise(high)), start, end, row.getString(partOf),
                    row.getInt(disputed) == 1 ? disputes.of(planPeriod, figureId) : List.of()));
        }

        private void locate(ResultSet row) throws SQLException {
            singleId = row.findColumn("single_id");
            singlePeriod = row.findColumn("single_period");
            extentStart = row.findColumn("extent_start");
            extentEnd = row.findColumn("extent_end");
            figureIds = row.findColumn("figure_id");
            figureValue = row.findColumn("figure_value");
            valueHigh = row.findColumn("value_high");
            qualifier = row.findColumn("qualifier");
            partOf = row.findColumn("part_of");
            disputed = row.findColumn("disputed");
            sums = row.findColumn(FigureSums.firstColumn());
            located = row;
        }
    }

    /** The first day of the part's figures. */
    public LocalDate extentStart() {
        return counted != null ? counted.extentStart() : figure.extentStart();
    }

    /** The lines of one line's parts, in the order they were read. */
    public static List<Combined> lines(Aggregation aggregation, List<LinePart> parts) {
        List<StatedFigure> figures = parts.stream().map(LinePart::figure).filter(Objects::nonNull).toList();
        if (!Combination.adds(aggregation)) {
            return Combination.of(aggregation, figures);
        }
        return Combination.summed(parts.stream().map(LinePart::counted).filter(Objects::nonNull).findFirst()
                .orElse(null), figures);
    }
}
