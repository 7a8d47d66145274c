package org.programmeledger.analytics.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.LineFigures;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Qualifier;

/** A breakdown line weighs what it holds, so that a block of lines is bounded by figures, however few its lines. */
class BreakdownLineTest {

    private static final LocalDate JAN = LocalDate.of(2021, 1, 1);
    private static final LocalDate DEC = LocalDate.of(2021, 12, 31);
    private static final ReportingPeriod YEAR = new ReportingPeriod("2021", JAN, DEC);
    private static final BreakdownRow SIDE = new BreakdownRow("side", "hong-kong", false, "participants", "persons",
            Basis.FLOW, Aggregation.SUM);

    @Test
    void aLineWeighsEveryFigureItListsOrKeepsApart() {
        LineFigures figures = new LineFigures();
        figures.counted().add("f-1", "EXACTLY", new BigDecimal("10.000000"), null, JAN, DEC);
        figures.counted().add("f-2", "EXACTLY", new BigDecimal("20.000000"), null, JAN, DEC);
        figures.addApart(new StatedFigure("f-3", Bound.of(Qualifier.EXACTLY, BigDecimal.ONE), JAN, DEC));

        assertThat(new BreakdownLine.Group(YEAR, SIDE, figures, null).weight()).isEqualTo(4);
        assertThat(new BreakdownLine.Group(YEAR, SIDE, new LineFigures(), null).weight()).isEqualTo(1);
    }

    @Test
    void aFigureReachingBeyondThePeriodIsALineOfWeightOne() {
        StatedFigure spanning = new StatedFigure("f-4", Bound.of(Qualifier.EXACTLY, BigDecimal.TEN), JAN,
                LocalDate.of(2022, 6, 30));

        assertThat(new BreakdownLine.Group(YEAR, SIDE, null, spanning).weight()).isEqualTo(1);
    }
}
