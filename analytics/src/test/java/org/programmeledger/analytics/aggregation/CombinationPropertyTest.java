package org.programmeledger.analytics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.aggregation.Combined.Shows;
import org.programmeledger.ledger.api.Aggregation;

/** Random histories of one metric (fixed seed): what no combination of a non-additive metric may ever do. */
class CombinationPropertyTest {

    private static final String[] QUALIFIERS = {"exactly", "about", "at-least", "more-than", "at-most",
            "less-than", "nearly"};

    @Test
    void noLineOfANonAdditiveMetricStatesMoreThanOneOfItsSources() {
        Random random = new Random(2026);
        for (int history = 0; history < 3000; history++) {
            Aggregation aggregation = List.of(Aggregation.CUMULATIVE, Aggregation.LEVEL, Aggregation.RATIO,
                    Aggregation.DISTINCT).get(random.nextInt(4));
            List<StatedFigure> figures = randomFigures(random);

            List<Combined> lines = Combination.of(aggregation, figures);

            assertThat(lines).as("every figure is shown once").hasSize(figures.size());
            assertThat(lines.stream().flatMap(line -> line.figureIds().stream()))
                    .containsExactlyInAnyOrderElementsOf(figures.stream().map(StatedFigure::figureId).toList());
            BigDecimal largestStated = figures.stream().map(figure -> figure.bound().value())
                    .max(Comparator.naturalOrder()).orElseThrow();
            for (Combined line : lines) {
                StatedFigure source = figures.stream()
                        .filter(figure -> figure.figureId().equals(line.figureIds().get(0))).findFirst().orElseThrow();
                assertThat(line.figureIds()).hasSize(1);
                assertThat(line.bound().phrase()).isEqualTo(source.bound().phrase());
                assertThat(line.bound().value()).isLessThanOrEqualTo(largestStated);
                assertThat(line.extentEnd()).isEqualTo(source.extentEnd());
            }
            if (Combination.showsLatest(aggregation)) {
                LocalDate latest = figures.stream().map(StatedFigure::extentEnd).max(Comparator.naturalOrder())
                        .orElseThrow();
                assertThat(lines).allSatisfy(line -> assertThat(line.shows())
                        .isEqualTo(line.extentEnd().equals(latest) ? Shows.LATEST : Shows.EARLIER));
            } else {
                assertThat(lines).allMatch(line -> line.shows() == Shows.SINGLE);
            }
        }
    }

    @Test
    void aSumListsEveryFlowOnceAndSpansThemAll() {
        Random random = new Random(7);
        for (int history = 0; history < 1000; history++) {
            List<StatedFigure> figures = randomFigures(random);

            List<Combined> lines = Combination.of(Aggregation.SUM, figures);

            assertThat(lines).hasSize(1);
            Combined sum = lines.get(0);
            assertThat(sum.figureIds()).isEqualTo(figures.stream().map(StatedFigure::figureId).toList());
            assertThat(sum.extentStart()).isEqualTo(figures.stream().map(StatedFigure::extentStart)
                    .min(Comparator.naturalOrder()).orElseThrow());
            assertThat(sum.extentEnd()).isEqualTo(figures.stream().map(StatedFigure::extentEnd)
                    .max(Comparator.naturalOrder()).orElseThrow());
            if (figures.stream().allMatch(figure -> figure.bound().kind() == Bound.Kind.EXACTLY)) {
                assertThat(sum.bound().value()).isEqualByComparingTo(figures.stream()
                        .map(figure -> figure.bound().value()).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }
    }

    private static List<StatedFigure> randomFigures(Random random) {
        List<StatedFigure> figures = new ArrayList<>();
        LocalDate base = LocalDate.of(2003, 1, 1);
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
            LocalDate end = base.plusDays(random.nextInt(8000));
            figures.add(new StatedFigure("f" + i, Bound.stated(QUALIFIERS[random.nextInt(QUALIFIERS.length)],
                    BigDecimal.valueOf(random.nextInt(500)), null), base, end));
        }
        return figures;
    }
}
