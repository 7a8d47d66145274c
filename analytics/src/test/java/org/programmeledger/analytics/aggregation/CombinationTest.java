package org.programmeledger.analytics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.aggregation.Combined.Shows;
import org.programmeledger.ledger.api.Aggregation;

class CombinationTest {

    private static StatedFigure figure(String id, String qualifier, int value, String start, String end) {
        return new StatedFigure(id, Bound.stated(qualifier, BigDecimal.valueOf(value), null), LocalDate.parse(start),
                LocalDate.parse(end));
    }

    private static List<String> described(List<Combined> lines) {
        return lines.stream().map(line -> line.shows().code() + " " + line.bound().phrase() + " " + line.extentStart()
                + ".." + line.extentEnd() + " " + String.join(";", line.figureIds())).toList();
    }

    /** Issue #18's long period: "more than 150 by 2014", "more than 100 by 2019", "239 by 2020". */
    private final List<StatedFigure> projects = List.of(
            figure("p14", "more-than", 150, "2003-01-01", "2014-12-31"),
            figure("p20", "exactly", 239, "2003-01-01", "2020-12-31"),
            figure("p19", "more-than", 100, "2003-01-01", "2019-12-31"));

    @Test
    void showsARunningTotalByItsLatestValueAndTheEarlierOnesAsPointsNeverTheirSum() {
        assertThat(described(Combination.of(Aggregation.CUMULATIVE, projects))).containsExactly(
                "latest 239 2003-01-01..2020-12-31 p20",
                "earlier more than 150 2003-01-01..2014-12-31 p14",
                "earlier more than 100 2003-01-01..2019-12-31 p19");
    }

    @Test
    void showsALevelAsOfItsLatestDate() {
        List<StatedFigure> cities = List.of(figure("c1", "exactly", 6, "2019-06-30", "2019-06-30"),
                figure("c2", "exactly", 8, "2023-01-01", "2023-01-01"));

        assertThat(described(Combination.of(Aggregation.LEVEL, cities))).containsExactly(
                "latest 8 2023-01-01..2023-01-01 c2", "earlier 6 2019-06-30..2019-06-30 c1");
    }

    @Test
    void showsEveryValueEndingOnTheLatestDayAsLatestRatherThanPickOne() {
        List<StatedFigure> sessions = List.of(figure("s1", "exactly", 23, "2003-01-01", "2024-12-31"),
                figure("s2", "exactly", 24, "2003-01-01", "2024-12-31"),
                figure("s0", "exactly", 22, "2003-01-01", "2023-12-31"));

        assertThat(described(Combination.of(Aggregation.CUMULATIVE, sessions))).containsExactly(
                "latest 23 2003-01-01..2024-12-31 s1", "latest 24 2003-01-01..2024-12-31 s2",
                "earlier 22 2003-01-01..2023-12-31 s0");
    }

    @Test
    void neverAddsRatiosOrDistinctCounts() {
        List<StatedFigure> rates = List.of(figure("r1", "about", 95, "2021-01-01", "2021-12-31"),
                figure("r2", "more-than", 90, "2022-01-01", "2022-12-31"));

        assertThat(described(Combination.of(Aggregation.RATIO, rates))).containsExactly(
                "single about 95 2021-01-01..2021-12-31 r1", "single more than 90 2022-01-01..2022-12-31 r2");
        assertThat(Combination.of(Aggregation.DISTINCT, rates)).extracting(Combined::shows)
                .containsExactly(Shows.SINGLE, Shows.SINGLE);
    }

    @Test
    void addsFlowsWithTheirBoundsAndTheirWholeExtent() {
        List<StatedFigure> participants = List.of(figure("a", "more-than", 250, "2020-12-01", "2020-12-31"),
                figure("b", "about", 470, "2021-05-01", "2021-05-31"),
                figure("c", "more-than", 400, "2020-01-01", "2020-03-31"));

        assertThat(described(Combination.of(Aggregation.SUM, participants))).containsExactly(
                "sum more than 1120 2020-01-01..2021-05-31 a;b;c");
        assertThat(described(Combination.of(Aggregation.SUM, List.of(participants.get(0),
                figure("d", "nearly", 400, "2021-01-01", "2021-01-31"))))).containsExactly(
                "sum mixed bounds: no total 2020-12-01..2021-01-31 a;d");
    }

    @Test
    void listsAFigureReachingBeyondThePeriodWhole() {
        assertThat(described(List.of(Combination.apart(projects.get(1)))))
                .containsExactly("single 239 2003-01-01..2020-12-31 p20");
    }

    @Test
    void listsAFigureInsideAnotherApartInsteadOfAddingItTwice() {
        StatedFigure yearly = new StatedFigure("p", "y2016", Bound.stated("more-than", BigDecimal.valueOf(394000),
                null), LocalDate.parse("2016-01-01"), LocalDate.parse("2016-12-31"), null, List.of());
        StatedFigure operation = new StatedFigure("p", "op1", Bound.stated("exactly", BigDecimal.valueOf(12000),
                null), LocalDate.parse("2016-05-01"), LocalDate.parse("2016-05-31"), "y2016", List.of());
        StatedFigure elsewhere = new StatedFigure("q", "op2", Bound.stated("exactly", BigDecimal.valueOf(500),
                null), LocalDate.parse("2016-06-01"), LocalDate.parse("2016-06-30"), "y2016", List.of());

        assertThat(described(Combination.of(Aggregation.SUM, List.of(yearly, operation, elsewhere)))).containsExactly(
                "sum more than 394500 2016-01-01..2016-12-31 y2016;op2",
                "part-of 12000 2016-05-01..2016-05-31 op1");
        assertThat(described(Combination.of(Aggregation.SUM, List.of(operation)))).as("its whole is not here")
                .containsExactly("sum 12000 2016-05-01..2016-05-31 op1");
    }

    @Test
    void showsADisputedFigureWithBothValuesAndAddsNeitherValue() {
        List<Bound> values = List.of(Bound.stated("exactly", new BigDecimal("4.0"), null),
                Bound.stated("exactly", new BigDecimal("3.95"), null));
        StatedFigure disputed = new StatedFigure("p", "d", values.get(0), LocalDate.parse("2019-01-01"),
                LocalDate.parse("2019-12-31"), null, values);
        StatedFigure other = figure("o", "exactly", 2, "2019-01-01", "2019-12-31");

        List<Combined> lines = Combination.of(Aggregation.SUM, List.of(disputed, other));

        assertThat(described(lines)).containsExactly("sum 2 2019-01-01..2019-12-31 o",
                "disputed 4.0 2019-01-01..2019-12-31 d");
        assertThat(lines.get(1).statedAs()).isEqualTo("disputed: 4.0 or 3.95");
        assertThat(lines.get(1).total()).isNull();
        assertThat(lines.get(1).qualifier()).isEqualTo("disputed");
        assertThat(Combination.of(Aggregation.CUMULATIVE, List.of(disputed))).extracting(Combined::shows)
                .containsExactly(Shows.DISPUTED);
        assertThat(Combination.apart(disputed).shows()).isEqualTo(Shows.DISPUTED);
    }
}
