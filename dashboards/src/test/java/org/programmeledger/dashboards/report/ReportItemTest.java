package org.programmeledger.dashboards.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.analytics.aggregation.StatedValues;
import org.programmeledger.dashboards.views.FigureSource;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureScope;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/** How the report says a figure's time: its extent, and how its source places it. */
class ReportItemTest {

    private static final Naming NAMING = Naming.of(List.of(), List.of());

    private static FigureView figure(Extent extent, String dateLabel) {
        return new FigureView("f.1", 2, null, "participants", new BigDecimal("90"), "persons", Qualifier.EXACTLY,
                Side.JOINT, extent, "FLOW", false, false, null, Aggregation.SUM, null, false, FigureScope.ITEM,
                FigureSource.NONE, dateLabel, List.of());
    }

    private static String said(FigureView figure, boolean withExtent) {
        return ReportItem.figure(figure, new StatedValues.Stated(Bound.of(Qualifier.EXACTLY, figure.value()),
                List.of(), null, false), withExtent, NAMING);
    }

    @Test
    void saysHowTheSourcePlacesAFigureOfNoStatedDate() {
        Extent placed = Extent.unstated().placedWithin(LocalDate.of(2020, 1, 1), LocalDate.of(2022, 6, 30));

        assertThat(said(figure(placed, "by mid-2022"), true)).isEqualTo("Participants: 90 persons (by mid-2022).");
        assertThat(said(figure(placed, null), true)).isEqualTo("Participants: 90 persons (date not stated).");
    }

    @Test
    void addsTheSourcesPlacingToAStatedExtentAndSaysItWhereTheActivitySaysTheTime() {
        assertThat(said(figure(Extent.parse("2020-12"), "the 14th meeting"), true))
                .isEqualTo("Participants: 90 persons (December 2020, the 14th meeting).");
        assertThat(said(figure(Extent.parse("2020-12"), "the 14th meeting"), false))
                .isEqualTo("Participants: 90 persons (the 14th meeting).");
        assertThat(said(figure(Extent.parse("2020-12"), null), false)).isEqualTo("Participants: 90 persons.");
    }
}
