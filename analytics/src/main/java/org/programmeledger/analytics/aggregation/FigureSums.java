package org.programmeledger.analytics.aggregation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a GROUP BY over view_figure adds up so that {@link Bound#total} gives the group's total: the parts per
 * qualifier, the sums of values and of high edges, and the scale each sum is stated at (the largest among the
 * parts' values as {@code FigureValues.normalise} writes them, so that "1.5" + "2.5" still reads "4.0").
 */
public final class FigureSums {

    /** The qualifiers a figure may be stated with. */
    private static final Bound.Kind[] KINDS = Stream.of(Bound.Kind.values()).filter(kind -> kind != Bound.Kind.MIXED)
            .toArray(Bound.Kind[]::new);

    private FigureSums() {
    }

    /** Whether a view_figure row's qualifier is one that {@link #columns} counts: only such rows may be summed. */
    public static String known(String alias) {
        return alias + ".qualifier IN (" + kinds().map(kind -> "'" + kind.name() + "'")
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * The aggregate columns over view_figure rows named {@code alias}.
     *
     * @param minScale the SQL of a value's scale: the fewest decimals that state it unchanged
     */
    public static String columns(String alias, UnaryOperator<String> minScale) {
        String value = alias + ".figure_value";
        String high = "CASE WHEN " + alias + ".qualifier = 'BETWEEN' THEN " + alias + ".value_high ELSE " + value
                + " END";
        return Stream.concat(kinds()
                        .map(kind -> "COUNT(CASE WHEN " + alias + ".qualifier = '" + kind.name() + "' THEN 1 END) AS "
                                + partsColumn(kind)),
                Stream.of("SUM(" + value + ") AS value_sum", "MAX(" + minScale.apply(value) + ") AS value_scale",
                        "SUM(" + high + ") AS high_sum", "MAX(" + minScale.apply(high) + ") AS high_scale"))
                .collect(Collectors.joining(", "));
    }

    /** The labels of {@link #columns}, in their order, to select them again from a query around it. */
    public static String names() {
        return Stream.concat(kinds().map(FigureSums::partsColumn),
                Stream.of("value_sum", "value_scale", "high_sum", "high_scale")).collect(Collectors.joining(", "));
    }

    /** The label of the first of {@link #columns}; the others follow it in their order there. */
    public static String firstColumn() {
        return partsColumn(KINDS[0]);
    }

    /**
     * The total of the group a row of {@link #columns} sums up, read by position (the jobs read a row per line,
     * and finding each column by its label cost more than reading it).
     *
     * @param first the position of {@link #firstColumn}
     */
    public static Bound total(ResultSet row, int first) throws SQLException {
        Map<Bound.Kind, Long> parts = new EnumMap<>(Bound.Kind.class);
        int column = first;
        for (Bound.Kind kind : KINDS) {
            parts.put(kind, row.getLong(column++));
        }
        BigDecimal valueSum = atScale(row, column, column + 1);
        return Bound.total(parts, valueSum, atScale(row, column + 2, column + 3));
    }

    private static Stream<Bound.Kind> kinds() {
        return Stream.of(KINDS);
    }

    private static String partsColumn(Bound.Kind kind) {
        return "parts_" + kind.name().toLowerCase(Locale.ROOT);
    }

    private static BigDecimal atScale(ResultSet row, int sum, int scale) throws SQLException {
        BigDecimal value = row.getBigDecimal(sum);
        return value == null ? null : value.setScale(row.getInt(scale));
    }
}
