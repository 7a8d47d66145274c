package org.programmeledger.analytics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.aggregation.Bound.Kind;

/**
 * Random flows, each stated truthfully under a random qualifier: the sum of the statements must hold for
 * the sum of the true values, from the side(s) it claims. Fixed seed, so a failure repeats.
 */
class BoundPropertyTest {

    private static final String[] EXACT_OR_BOUNDS = {"exactly", "at-least", "more-than", "at-most", "less-than",
            "nearly", "between"};

    @Test
    void aSumOfTruthfulStatementsHoldsForTheTrueSum() {
        Random random = new Random(18);
        int mixed = 0;
        for (int history = 0; history < 5000; history++) {
            int parts = 1 + random.nextInt(6);
            long trueTotal = 0;
            Bound total = null;
            for (int part = 0; part < parts; part++) {
                long value = random.nextInt(1000);
                trueTotal += value;
                Bound stated = truthfully(value, EXACT_OR_BOUNDS[random.nextInt(EXACT_OR_BOUNDS.length)], random);
                total = total == null ? stated : total.plus(stated);
            }
            if (total.kind() == Kind.MIXED) {
                mixed++;
                continue;
            }
            assertThat(holds(total, BigDecimal.valueOf(trueTotal))).as(total + " for a true " + trueTotal).isTrue();
        }
        assertThat(mixed).as("opposite bounds happen and give no total").isBetween(100, 4900);
    }

    @Test
    void aSumOfExactOrAboutValuesNeverBecomesABound() {
        Random random = new Random(22);
        for (int history = 0; history < 1000; history++) {
            Bound total = Bound.stated("exactly", BigDecimal.valueOf(random.nextInt(100)), null);
            boolean anyAbout = false;
            for (int part = random.nextInt(5); part > 0; part--) {
                boolean about = random.nextBoolean();
                anyAbout |= about;
                total = total.plus(Bound.stated(about ? "about" : "exactly", BigDecimal.valueOf(random.nextInt(100)),
                        null));
            }
            assertThat(total.kind()).isEqualTo(anyAbout ? Kind.ABOUT : Kind.EXACTLY);
        }
    }

    /**
     * What a database adds up (parts per qualifier, sums of values and of high edges, at the largest scale of
     * their parts) gives the total that adding the statements one by one gives, scale included: the jobs' GROUP
     * BY stands for the fold of the streaming pass.
     */
    @Test
    void theTotalOfSumsPerQualifierIsTheSumOfTheStatements() {
        Kind[] kinds = {Kind.EXACTLY, Kind.ABOUT, Kind.AT_LEAST, Kind.MORE_THAN, Kind.AT_MOST, Kind.LESS_THAN,
                Kind.NEARLY, Kind.BETWEEN};
        Random random = new Random(19);
        int mixed = 0;
        for (int history = 0; history < 5000; history++) {
            Map<Kind, Long> parts = new EnumMap<>(Kind.class);
            BigDecimal values = BigDecimal.ZERO;
            BigDecimal highs = BigDecimal.ZERO;
            Bound folded = null;
            for (int part = 1 + random.nextInt(random.nextBoolean() ? 2 : 6); part > 0; part--) {
                Kind kind = kinds[random.nextInt(kinds.length)];
                BigDecimal value = BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(3));
                BigDecimal high = value.add(BigDecimal.valueOf(random.nextInt(1000), random.nextInt(3)));
                Bound stated = Bound.stated(kind.code(), value, high);
                folded = folded == null ? stated : folded.plus(stated);
                parts.merge(kind, 1L, Long::sum);
                values = values.add(value);
                highs = highs.add(kind == Kind.BETWEEN ? high : value);
            }
            Bound total = Bound.total(parts, values, highs);
            mixed += total.kind() == Kind.MIXED ? 1 : 0;
            assertThat(total).as(parts + " " + values + " " + highs).isEqualTo(folded);
            assertThat(String.valueOf(total.value())).isEqualTo(String.valueOf(folded.value()));
            assertThat(String.valueOf(total.high())).isEqualTo(String.valueOf(folded.high()));
        }
        assertThat(mixed).as("opposite bounds happen").isBetween(100, 4900);
    }

    /** A statement a careful source could make of {@code value}. */
    private static Bound truthfully(long value, String qualifier, Random random) {
        long slack = random.nextInt(50);
        long stated = switch (qualifier) {
            case "at-least" -> value - slack;
            case "more-than" -> value - slack - 1;
            case "at-most" -> value + slack;
            case "less-than", "nearly" -> value + slack + 1;
            case "between" -> value - slack;
            default -> value;
        };
        BigDecimal high = BigDecimal.valueOf(value + random.nextInt(50));
        return Bound.stated(qualifier, BigDecimal.valueOf(stated), high);
    }

    private static boolean holds(Bound total, BigDecimal truth) {
        BigDecimal edge = total.value();
        return switch (total.kind()) {
            case EXACTLY -> truth.compareTo(edge) == 0;
            case AT_LEAST -> truth.compareTo(edge) >= 0;
            case MORE_THAN -> truth.compareTo(edge) > 0;
            case AT_MOST -> truth.compareTo(edge) <= 0;
            case LESS_THAN, NEARLY -> truth.compareTo(edge) < 0;
            case BETWEEN -> truth.compareTo(edge) >= 0 && truth.compareTo(total.high()) <= 0;
            case ABOUT, MIXED -> false;
        };
    }
}
