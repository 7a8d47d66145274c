package org.programmeledger.analytics.aggregation;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.programmeledger.ledger.api.Qualifier;

/**
 * What a stated value, or a total of stated values, says about the true number: a lower edge, an upper edge,
 * or both. A sum keeps a lower bound a lower bound, an upper bound an upper bound and a range a range; an
 * approximation added to a bound leaves the bound ("more than 250" + "about 470" is "more than 720"), added to
 * exact values it makes the total approximate. Parts bounded from opposite sides ("more than 250" + "nearly
 * 400") have no total: the sum is {@link Kind#MIXED}, never a guess.
 */
public final class Bound {

    /** How a bound reads; the codes are the ledger's qualifier codes, and {@code mixed} for no total. */
    public enum Kind {
        EXACTLY("exactly"), ABOUT("about"), AT_LEAST("at-least"), MORE_THAN("more-than"), AT_MOST("at-most"),
        LESS_THAN("less-than"), NEARLY("nearly"), BETWEEN("between"), MIXED("mixed");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** A qualifier by its code ("more-than") or its constant's name ("MORE_THAN"). */
        static Kind of(String qualifier) {
            String code = qualifier.toLowerCase(Locale.ROOT).replace('_', '-');
            for (Kind kind : values()) {
                if (kind.code.equals(code) && kind != MIXED) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no qualifier '" + qualifier + "'");
        }
    }

    static final String NO_TOTAL = "mixed bounds: no total";

    private final BigDecimal low;
    private final boolean lowStrict;
    private final BigDecimal high;
    private final boolean highStrict;
    /** An "about" is among the parts: a total with both edges equal is approximate. */
    private final boolean approximate;
    /** The upper edge is close to the true value ("nearly"), not only above it. */
    private final boolean close;
    private final boolean mixed;

    private Bound(BigDecimal low, boolean lowStrict, BigDecimal high, boolean highStrict, boolean approximate,
                  boolean close, boolean mixed) {
        this.low = low;
        this.lowStrict = lowStrict;
        this.high = high;
        this.highStrict = highStrict;
        this.approximate = approximate;
        this.close = close;
        this.mixed = mixed;
    }

    public static Bound of(Qualifier qualifier, BigDecimal value) {
        return stated(qualifier.code(), value, null);
    }

    /**
     * A value as a source states it.
     *
     * @param qualifier a qualifier's code or constant name
     * @param high the high end of a {@code between}; ignored otherwise
     */
    public static Bound stated(String qualifier, BigDecimal value, BigDecimal high) {
        Objects.requireNonNull(value, "value");
        return switch (Kind.of(qualifier)) {
            case EXACTLY -> new Bound(value, false, value, false, false, true, false);
            case ABOUT -> new Bound(value, false, value, false, true, true, false);
            case AT_LEAST -> new Bound(value, false, null, false, false, false, false);
            case MORE_THAN -> new Bound(value, true, null, false, false, false, false);
            case AT_MOST -> new Bound(null, false, value, false, false, false, false);
            case LESS_THAN -> new Bound(null, false, value, true, false, false, false);
            case NEARLY -> new Bound(null, false, value, true, false, true, false);
            case BETWEEN -> new Bound(value, false, Objects.requireNonNull(high, "the high end of a range"), false,
                    false, false, false);
            case MIXED -> throw new IllegalStateException("unreachable");
        };
    }

    /**
     * The total of stated values from what a database adds up over them: how many carry each qualifier, the sum
     * of their values, and the sum of their high edges (a range's high end, any other value itself), each sum at
     * the largest scale among its parts. It is the bound that adding them one by one with {@link #plus} gives:
     * a sum keeps an edge only when every part has it, strict when any part's is, approximate when any part is,
     * close when every part is; parts lacking opposite edges have no total.
     */
    public static Bound total(Map<Kind, Long> parts, BigDecimal valueSum, BigDecimal highSum) {
        boolean lowEverywhere = count(parts, Kind.AT_MOST, Kind.LESS_THAN, Kind.NEARLY) == 0;
        boolean highEverywhere = count(parts, Kind.AT_LEAST, Kind.MORE_THAN) == 0;
        if (!lowEverywhere && !highEverywhere) {
            return new Bound(null, false, null, false, false, false, true);
        }
        BigDecimal low = lowEverywhere ? Objects.requireNonNull(valueSum, "the sum of values") : null;
        BigDecimal high = highEverywhere ? Objects.requireNonNull(highSum, "the sum of high edges") : null;
        long all = parts.values().stream().mapToLong(Long::longValue).sum();
        return new Bound(low, low != null && count(parts, Kind.MORE_THAN) > 0, high,
                high != null && count(parts, Kind.LESS_THAN, Kind.NEARLY) > 0, count(parts, Kind.ABOUT) > 0,
                count(parts, Kind.EXACTLY, Kind.ABOUT, Kind.NEARLY) == all, false);
    }

    private static long count(Map<Kind, Long> parts, Kind... kinds) {
        long count = 0;
        for (Kind kind : kinds) {
            count += parts.getOrDefault(kind, 0L);
        }
        return count;
    }

    /** The total of this and {@code other}. */
    public Bound plus(Bound other) {
        BigDecimal sumLow = low != null && other.low != null ? low.add(other.low) : null;
        BigDecimal sumHigh = high != null && other.high != null ? high.add(other.high) : null;
        if (mixed || other.mixed || (sumLow == null && sumHigh == null)) {
            return new Bound(null, false, null, false, false, false, true);
        }
        return new Bound(sumLow, sumLow != null && (lowStrict || other.lowStrict), sumHigh,
                sumHigh != null && (highStrict || other.highStrict), approximate || other.approximate,
                close && other.close, false);
    }

    public Kind kind() {
        if (mixed) {
            return Kind.MIXED;
        }
        if (low != null && high != null) {
            if (low.compareTo(high) != 0) {
                return Kind.BETWEEN;
            }
            return approximate ? Kind.ABOUT : Kind.EXACTLY;
        }
        if (low != null) {
            return lowStrict ? Kind.MORE_THAN : Kind.AT_LEAST;
        }
        if (close) {
            return Kind.NEARLY;
        }
        return highStrict ? Kind.LESS_THAN : Kind.AT_MOST;
    }

    /** The number a total column shows: the lower edge, else the upper; none for mixed bounds. */
    public BigDecimal value() {
        return low != null ? low : high;
    }

    /** The high end of a range; none for any other kind. */
    public BigDecimal high() {
        return kind() == Kind.BETWEEN ? high : null;
    }

    /** As a reader would say it: "more than 720", "between 10 and 20", "mixed bounds: no total". */
    public String phrase() {
        Kind kind = kind();
        return switch (kind) {
            case EXACTLY -> low.toPlainString();
            case BETWEEN -> (approximate ? "about " : "between ") + low.toPlainString()
                    + (approximate ? " to " : " and ") + high.toPlainString();
            case MIXED -> NO_TOTAL;
            default -> kind.code().replace('-', ' ') + " " + value().toPlainString();
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bound bound && kind() == bound.kind() && phrase().equals(bound.phrase());
    }

    @Override
    public int hashCode() {
        return phrase().hashCode();
    }

    @Override
    public String toString() {
        return phrase();
    }
}
