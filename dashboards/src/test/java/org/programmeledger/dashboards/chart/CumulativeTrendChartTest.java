package org.programmeledger.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.trend.TrendPoint;
import org.programmeledger.analytics.trend.TrendSeries;
import org.programmeledger.analytics.views.ViewPosition;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

class CumulativeTrendChartTest {

    private static final TrendPoint PASSED_BY_MID_2022 = new TrendPoint(LocalDate.of(2004, 1, 1),
            LocalDate.of(2022, 6, 30), new BigDecimal("75"), Qualifier.EXACTLY, "residents", "15.0.1");

    private static TrendSeries series(TrendPoint... points) {
        return new TrendSeries("residents-passed-examination", Side.HONG_KONG, List.of(points),
                new ViewPosition(119, "2026-11-26T00:00:00Z"));
    }

    private static List<String> subtitles(JFreeChart chart) {
        return chart.getSubtitles().stream().filter(TextTitle.class::isInstance)
                .map(title -> ((TextTitle) title).getText()).toList();
    }

    @Test
    void drawsTheRecordedPointWithTitleAxesUnitsAndSource() {
        JFreeChart chart = CumulativeTrendChart.draw(TrendChartDefinition.EXAM_PASSES, series(PASSED_BY_MID_2022));

        assertThat(chart.getTitle().getText())
                .isEqualTo("Hong Kong residents who passed the Qualification Examination for Patent Attorneys");
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Cumulative total since 2004 (residents)");
        assertThat(plot.getDomainAxis().getLabel()).startsWith("Year");
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(1);
        assertThat(plot.getDataset().getYValue(0, 0)).isEqualTo(75.0);
        assertThat(plot.getDomainMarkers(Layer.BACKGROUND)).hasSize(1);
        assertThat(subtitles(chart)).containsExactly(
                "Figures of the Hong Kong side; 1 recorded point, too few for a trend: nothing is interpolated",
                "Source: Programme Ledger, events up to ledger position 119; figures 15.0.1");
    }

    @Test
    void showsTheQualifierOfAnApproximateOrLowerBoundPoint() {
        TrendPoint lowerBound = new TrendPoint(LocalDate.of(2004, 1, 1), LocalDate.of(2023, 6, 30),
                new BigDecimal("80"), Qualifier.MORE_THAN, "residents", "16.0.1");

        JFreeChart chart = CumulativeTrendChart.draw(TrendChartDefinition.EXAM_PASSES,
                series(PASSED_BY_MID_2022, lowerBound));

        assertThat(chart.getXYPlot().getAnnotations()).extracting(a -> ((XYTextAnnotation) a)
                .getText()).containsExactly("75 residents by June 2022", "more than 80 residents by June 2023");
    }

    @Test
    void labelsOnlyTheLastPointOfALongSeriesAndListsItsFirstAndLastFigures() {
        List<TrendPoint> points = IntStream.range(0, 1000).mapToObj(i -> new TrendPoint(LocalDate.of(2004, 1, 1),
                LocalDate.of(2004, 1, 2).plusDays(i), BigDecimal.valueOf(i), i % 2 == 0 ? Qualifier.EXACTLY
                : Qualifier.ABOUT, "residents", "f" + i)).toList();

        JFreeChart chart = CumulativeTrendChart.draw(TrendChartDefinition.EXAM_PASSES, series(points.toArray(
                TrendPoint[]::new)));

        assertThat(chart.getXYPlot().getAnnotations()).extracting(a -> ((XYTextAnnotation) a).getText())
                .containsExactly("about 999 residents by September 2006");
        assertThat(chart.getXYPlot().getDataset().getItemCount(0)).isEqualTo(1000);
        assertThat(subtitles(chart)).containsExactly(
                "Figures of the Hong Kong side; 1000 recorded points, joined as recorded, not interpolated; the last"
                        + " labelled with its value as stated; 500 of the points are approximate or lower bounds",
                "Source: Programme Ledger, events up to ledger position 119; figures f0, f1, f2, f3, f4, f5, f6, f7,"
                        + " f8 … f999 (1000 figures)");
    }

    @Test
    void rendersTheSameBytesForTheSameSeries() {
        assertThat(png(series(PASSED_BY_MID_2022))).isEqualTo(png(series(PASSED_BY_MID_2022)));
    }

    @Test
    void refusesToDrawAChartWithoutAnyRecordedPoint() {
        assertThatThrownBy(() -> CumulativeTrendChart.draw(TrendChartDefinition.EXAM_PASSES, series()))
                .hasMessage("the ledger holds no cumulative figures of residents-passed-examination to draw "
                        + "exam-passes from");
    }

    private static byte[] png(TrendSeries series) {
        return ChartImages.png(CumulativeTrendChart.draw(TrendChartDefinition.EXAM_PASSES, series));
    }
}
