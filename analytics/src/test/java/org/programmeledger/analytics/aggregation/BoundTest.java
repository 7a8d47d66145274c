package org.programmeledger.analytics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.aggregation.Bound.Kind;
import org.programmeledger.ledger.api.Qualifier;

class BoundTest {

    private static Bound stated(String qualifier, int value) {
        return Bound.stated(qualifier, BigDecimal.valueOf(value), null);
    }

    private static Bound between(int low, int high) {
        return Bound.stated("between", BigDecimal.valueOf(low), BigDecimal.valueOf(high));
    }

    private static Bound sum(Bound... parts) {
        return Arrays.stream(parts).reduce(Bound::plus).orElseThrow();
    }

    @Test
    void readsEachStatedValueAsASourceSaysIt() {
        assertThat(stated("exactly", 183).phrase()).isEqualTo("183");
        assertThat(stated("about", 470).phrase()).isEqualTo("about 470");
        assertThat(stated("at-least", 8).phrase()).isEqualTo("at least 8");
        assertThat(stated("more-than", 150).phrase()).isEqualTo("more than 150");
        assertThat(stated("at-most", 30).phrase()).isEqualTo("at most 30");
        assertThat(stated("less-than", 5).phrase()).isEqualTo("less than 5");
        assertThat(stated("nearly", 400).phrase()).isEqualTo("nearly 400");
        assertThat(between(902, 1090).phrase()).isEqualTo("between 902 and 1090");
        assertThat(between(902, 1090).value()).isEqualByComparingTo("902");
        assertThat(between(902, 1090).high()).isEqualByComparingTo("1090");
        assertThat(stated("nearly", 400).high()).isNull();
    }

    @Test
    void takesTheLedgersQualifiersByCodeOrByName() {
        assertThat(Bound.of(Qualifier.MORE_THAN, new BigDecimal("6980000")).phrase()).isEqualTo("more than 6980000");
        assertThat(Bound.stated("AT_LEAST", BigDecimal.TEN, null).kind()).isEqualTo(Kind.AT_LEAST);
        for (Qualifier qualifier : Qualifier.values()) {
            assertThat(Bound.stated(qualifier.name(), BigDecimal.ONE, BigDecimal.TEN).kind().code())
                    .isEqualTo(qualifier.code());
        }
        assertThatThrownBy(() -> Bound.stated("roughly", BigDecimal.TEN, null))
                .hasMessageContaining("no qualifier 'roughly'");
        assertThatThrownBy(() -> Bound.stated("mixed", BigDecimal.TEN, null)).hasMessageContaining("'mixed'");
    }

    @Test
    void keepsTheSeedsTotalsAsTheyRead() {
        assertThat(sum(stated("more-than", 250), stated("about", 470)).phrase()).isEqualTo("more than 720");
        assertThat(sum(stated("more-than", 250), stated("about", 470), stated("more-than", 400)).phrase())
                .isEqualTo("more than 1120");
        assertThat(sum(stated("exactly", 1000), stated("exactly", 748)).phrase()).isEqualTo("1748");
        assertThat(sum(stated("exactly", 100), stated("about", 70)).phrase()).isEqualTo("about 170");
        assertThat(sum(stated("about", 100), stated("at-least", 5)).phrase()).isEqualTo("at least 105");
        assertThat(sum(stated("at-least", 100), stated("more-than", 5)).phrase()).isEqualTo("more than 105");
    }

    @Test
    void agreesWithTheOldQualifierCombinationForTheFourOldQualifiers() {
        List<Qualifier> old = List.of(Qualifier.EXACTLY, Qualifier.ABOUT, Qualifier.AT_LEAST, Qualifier.MORE_THAN);
        for (Qualifier a : old) {
            for (Qualifier b : old) {
                Bound total = Bound.of(a, BigDecimal.ONE).plus(Bound.of(b, BigDecimal.TEN));
                assertThat(total.kind().code()).as(a + " + " + b).isEqualTo(a.combine(b).code());
                assertThat(total.phrase()).isEqualTo(a.combine(b).phrase(new BigDecimal("11")));
            }
        }
    }

    @Test
    void keepsAnUpperBoundAnUpperBound() {
        assertThat(sum(stated("at-most", 30), stated("exactly", 12)).phrase()).isEqualTo("at most 42");
        assertThat(sum(stated("at-most", 30), stated("less-than", 12)).phrase()).isEqualTo("less than 42");
        assertThat(sum(stated("nearly", 400), stated("nearly", 100)).phrase()).isEqualTo("nearly 500");
        assertThat(sum(stated("nearly", 400), stated("exactly", 20)).phrase()).isEqualTo("nearly 420");
        assertThat(sum(stated("nearly", 400), stated("about", 20)).phrase()).isEqualTo("nearly 420");
        assertThat(sum(stated("nearly", 400), stated("at-most", 20)).phrase())
                .as("an at-most part says nothing of closeness").isEqualTo("less than 420");
    }

    @Test
    void keepsARangeARange() {
        assertThat(sum(between(10, 20), between(1, 2)).phrase()).isEqualTo("between 11 and 22");
        assertThat(sum(between(10, 20), stated("exactly", 5)).phrase()).isEqualTo("between 15 and 25");
        assertThat(sum(between(10, 20), stated("about", 5)).phrase()).isEqualTo("about 15 to 25");
        assertThat(sum(between(10, 20), stated("more-than", 5)).phrase()).isEqualTo("more than 15");
        assertThat(sum(between(10, 20), stated("nearly", 5)).phrase()).isEqualTo("less than 25");
        assertThat(sum(between(10, 20), stated("at-most", 5)).kind()).isEqualTo(Kind.AT_MOST);
    }

    @Test
    void givesNoTotalForPartsBoundedFromOppositeSides() {
        Bound total = sum(stated("more-than", 250), stated("nearly", 400));

        assertThat(total.kind()).isEqualTo(Kind.MIXED);
        assertThat(total.phrase()).isEqualTo("mixed bounds: no total");
        assertThat(total.value()).isNull();
        assertThat(total.high()).isNull();
        assertThat(sum(total, stated("exactly", 5)).kind()).as("stays without a total").isEqualTo(Kind.MIXED);
        assertThat(sum(stated("at-least", 1), stated("at-most", 1)).kind()).isEqualTo(Kind.MIXED);
        assertThat(sum(stated("more-than", 1), stated("exactly", 3), stated("less-than", 2)).kind())
                .isEqualTo(Kind.MIXED);
    }

    @Test
    void addsDecimalsWithoutRounding() {
        assertThat(sum(Bound.stated("about", new BigDecimal("3.95"), null),
                Bound.stated("exactly", new BigDecimal("0.05"), null)).phrase()).isEqualTo("about 4.00");
    }
}
