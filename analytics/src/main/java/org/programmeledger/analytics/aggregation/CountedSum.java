package org.programmeledger.analytics.aggregation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The flows of one line that count, added up figure by figure in Java exactly as {@link FigureSums} has a database
 * add them up: parts per qualifier, the sums of values and of high edges, each at the largest scale among its
 * parts. The period summary reads each figure once and adds up here, rather than a GROUP BY per heading.
 */
public final class CountedSum {

    /** view_figure's values have six decimals; a value's scale is the fewest that round to it unchanged. */
    private static final int DECIMALS = 6;

    /** The qualifiers (as view_figure stores them) a sum may count, as {@link FigureSums#known}. */
    private static final Map<String, Bound.Kind> COUNTED = Stream.of(Bound.Kind.values())
            .filter(kind -> kind != Bound.Kind.MIXED)
            .collect(Collectors.toUnmodifiableMap(Bound.Kind::name, kind -> kind));

    private final Map<Bound.Kind, Long> parts = new EnumMap<>(Bound.Kind.class);
    private final List<String> figureIds = new ArrayList<>();
    private BigDecimal valueSum;
    private int valueScale;
    private BigDecimal highSum;
    private int highScale;
    private LocalDate extentStart;
    private LocalDate extentEnd;

    public CountedSum() {
        COUNTED.values().forEach(kind -> parts.put(kind, 0L));
    }

    /** Whether a figure of this qualifier may be counted in a sum. */
    public static boolean counts(String qualifier) {
        return COUNTED.containsKey(qualifier);
    }

    /**
     * Adds one figure, in the order its id is to be listed.
     *
     * @param qualifier as view_figure stores it; one that {@link #counts}
     */
    public void add(String figureId, String qualifier, BigDecimal value, BigDecimal high, LocalDate start,
                    LocalDate end) {
        parts.merge(COUNTED.get(qualifier), 1L, Long::sum);
        valueSum = plus(valueSum, value);
        valueScale = Math.max(valueScale, scale(value));
        BigDecimal highEdge = Bound.Kind.BETWEEN.name().equals(qualifier) ? high : value;
        highSum = plus(highSum, highEdge);
        highScale = Math.max(highScale, scale(highEdge));
        extentStart = extentStart == null || start.isBefore(extentStart) ? start : extentStart;
        extentEnd = extentEnd == null || end.isAfter(extentEnd) ? end : extentEnd;
        figureIds.add(figureId);
    }

    /** How many figures were added. */
    public int size() {
        return figureIds.size();
    }

    public boolean isEmpty() {
        return figureIds.isEmpty();
    }

    /** The total of what was added; null when nothing was. */
    public Combination.Counted counted() {
        if (isEmpty()) {
            return null;
        }
        return new Combination.Counted(Bound.total(parts, atScale(valueSum, valueScale),
                atScale(highSum, highScale)), extentStart, extentEnd, List.copyOf(figureIds));
    }

    /** SQL's SUM: nulls left out, null when all are. */
    private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
        return value == null ? sum : sum == null ? value : sum.add(value);
    }

    private static BigDecimal atScale(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale);
    }

    /** As FigureSums' CASE: the fewest decimals (0 to 5) that leave the value unchanged, else six; six for null. */
    private static int scale(BigDecimal value) {
        if (value == null) {
            return DECIMALS;
        }
        int scale = value.stripTrailingZeros().scale();
        return scale <= 0 ? 0 : Math.min(scale, DECIMALS);
    }
}
