package org.programmeledger.analytics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The Java sum states its total exactly as FigureSums' GROUP BY did: at the largest scale among its parts. */
class CountedSumTest {

    private static final LocalDate JAN = LocalDate.of(2020, 1, 1);
    private static final LocalDate DEC = LocalDate.of(2020, 12, 31);

    /** As view_figure returns values: six decimals. */
    private static BigDecimal column(String value) {
        return new BigDecimal(value).setScale(6);
    }

    @Test
    void addsAtTheLargestScaleOfItsPartsAndListsIdsInTheOrderAdded() {
        CountedSum sum = new CountedSum();
        sum.add("b", "EXACTLY", column("1.5"), null, JAN, LocalDate.of(2020, 6, 30));
        sum.add("a", "EXACTLY", column("2.5"), null, LocalDate.of(2020, 7, 1), DEC);
        sum.add("c", "EXACTLY", column("100"), null, JAN, DEC);

        Combination.Counted counted = sum.counted();
        assertThat(counted.total().value()).isEqualTo(new BigDecimal("104.0"));
        assertThat(counted.total().phrase()).isEqualTo("104.0");
        assertThat(counted.figureIds()).containsExactly("b", "a", "c");
        assertThat(counted.extentStart()).isEqualTo(JAN);
        assertThat(counted.extentEnd()).isEqualTo(DEC);
    }

    @Test
    void aRangeAddsItsHighEdgeToTheHighSumAndABoundFromBelowLeavesNoHighTotal() {
        CountedSum range = new CountedSum();
        range.add("r", "BETWEEN", column("300"), column("400.25"), JAN, DEC);
        range.add("e", "EXACTLY", column("50"), null, JAN, DEC);
        assertThat(range.counted().total().phrase()).isEqualTo("between 350 and 450.25");

        CountedSum atLeast = new CountedSum();
        atLeast.add("x", "AT_LEAST", column("8"), null, JAN, DEC);
        atLeast.add("y", "MORE_THAN", column("150"), null, JAN, DEC);
        assertThat(atLeast.counted().total().phrase()).isEqualTo("more than 158");
        assertThat(atLeast.counted().total().high()).isNull();
    }

    @Test
    void countsOnlyTheQualifiersAGroupByCountedAndNothingAddedIsNoTotal() {
        assertThat(CountedSum.counts("NEARLY")).isTrue();
        assertThat(CountedSum.counts("MIXED")).isFalse();
        assertThat(CountedSum.counts("nearly")).isFalse();
        assertThat(new CountedSum().counted()).isNull();
    }
}
