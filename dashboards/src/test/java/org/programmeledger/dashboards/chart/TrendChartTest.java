package org.programmeledger.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.programmeledger.dashboards.views.FigureSource;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureScope;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/** The trend chart as rendered: what its pixels and its SVG text show, not only what its objects hold. */
class TrendChartTest {

    private static final String METRIC = "residents-passed-examination";
    private static final String TITLE = "Residents passed examination";
    private static final Color HONG_KONG = new Color(0x1f, 0x5f, 0x8b);

    /** The seed's figure: 75 since 2004 by mid-2022. */
    private static final FigureView PASSED_BY_MID_2022 = runningTotal("15.0.1", 2004, LocalDate.of(2022, 6, 30), "75",
            Qualifier.EXACTLY);
    /** The second history: 3 who passed in 2004, the first sitting. */
    private static final FigureView PASSED_IN_2004 = runningTotal("h.2004", 2004, LocalDate.of(2004, 12, 31), "3",
            Qualifier.EXACTLY);

    private static FigureView runningTotal(String id, int base, LocalDate asAt, String value, Qualifier qualifier) {
        return new FigureView(id, 15, null, METRIC, new BigDecimal(value), "residents", qualifier, Side.HONG_KONG,
                Extent.range(LocalDate.of(base, 1, 1), asAt), "CUMULATIVE", false, false);
    }

    private static FigureView flow(String id, Side side, int year, String value) {
        return new FigureView(id, 3, null, "valid-applications", new BigDecimal(value), "applications",
                Qualifier.EXACTLY, side, Extent.year(year), "FLOW", false, false);
    }

    private static JFreeChart draw(FigureView... figures) {
        return TrendChart.draw(METRIC, TITLE, List.of(figures), 119);
    }

    private static List<String> subtitles(JFreeChart chart) {
        return chart.getSubtitles().stream().filter(TextTitle.class::isInstance)
                .map(title -> ((TextTitle) title).getText()).toList();
    }

    @Test
    void drawsEveryRunningTotalEndingOnOneDayFromWhicheverBase() {
        FigureView sinceTheStart = runningTotal("c.1", 2004, LocalDate.of(2021, 12, 31), "75", Qualifier.EXACTLY);
        FigureView sinceLater = runningTotal("c.2", 2015, LocalDate.of(2021, 12, 31), "300", Qualifier.EXACTLY);
        FigureView ofAHalf = runningTotal("c.3", 2021, LocalDate.of(2021, 6, 30), "20", Qualifier.EXACTLY);

        XYPlot plot = draw(sinceTheStart, sinceLater, ofAHalf).getXYPlot();

        assertThat(plot.getDataset(0).getItemCount(0)).isEqualTo(3);
        assertThat(IntStream.range(0, 3).mapToDouble(i -> plot.getDataset(0).getYValue(0, i)))
                .containsExactly(75.0, 300.0, 20.0);
    }

    @Test
    void drawsARecordedRunningTotalAsAMarkerWithTitleAxesUnitsAndSource() {
        JFreeChart chart = draw(PASSED_BY_MID_2022);

        assertThat(chart.getTitle().getText()).isEqualTo(TITLE);
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Cumulative total since 2004 (residents)");
        assertThat(plot.getDomainAxis().getLabel()).startsWith("Year");
        assertThat(plot.getDataset(0).getItemCount(0)).isEqualTo(1);
        assertThat(plot.getDataset(0).getYValue(0, 0)).isEqualTo(75.0);
        assertThat(subtitles(chart)).containsExactly(
                "Figures of the Hong Kong side; 1 running total as a marker, as recorded: nothing is interpolated",
                "Source: Programme Ledger, events up to ledger position 119; figures 15.0.1");
        assertThat(chart.getSubtitles()).noneMatch(LegendTitle.class::isInstance);
    }

    @Test
    void drawsTwoRunningTotalsEighteenYearsApartAsMarkersWithNoLineBetweenThem() {
        JFreeChart chart = draw(PASSED_IN_2004, PASSED_BY_MID_2022);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT,
                BufferedImage.TYPE_INT_RGB, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        double x1 = x(plot, area, LocalDate.of(2004, 12, 31));
        double y1 = y(plot, area, 3);
        double x2 = x(plot, area, LocalDate.of(2022, 6, 30));
        double y2 = y(plot, area, 75);

        assertThat(distance(pixel(image, x1, y1), HONG_KONG)).as("marker of 2004").isLessThan(40);
        assertThat(distance(pixel(image, x2, y2), HONG_KONG)).as("marker of 2022").isLessThan(40);
        List<String> onTheLine = new ArrayList<>();
        for (int step = 1; step < 20; step++) {
            double t = step / 20.0;
            Color between = pixel(image, x1 + t * (x2 - x1), y1 + t * (y2 - y1));
            if (distance(between, HONG_KONG) < 120) {
                onTheLine.add(t + ": " + between);
            }
        }
        assertThat(onTheLine).as("pixels in the series' colour between the two markers").isEmpty();
        assertThat(subtitles(chart).get(0)).isEqualTo("Figures of the Hong Kong side; 2 running totals as markers, "
                + "as recorded: nothing is interpolated");
    }

    @Test
    void leavesADisputedFigureOutAndNamesIt() {
        FigureView disputed = new FigureView("h.2020", 15, null, METRIC, new BigDecimal("40"), "residents",
                Qualifier.EXACTLY, Side.HONG_KONG, Extent.range(LocalDate.of(2004, 1, 1), LocalDate.of(2020, 1, 31)),
                "CUMULATIVE", false, false, null, Aggregation.CUMULATIVE, null, true, FigureScope.ITEM,
                FigureSource.NONE, null, List.of());

        JFreeChart chart = draw(PASSED_IN_2004, disputed, PASSED_BY_MID_2022);

        assertThat(chart.getXYPlot().getDataset(0).getItemCount(0)).isEqualTo(2);
        assertThat(subtitles(chart)).anyMatch(text -> text.endsWith(
                "; 1 disputed figure left out until a value is adopted: h.2020"));
        assertThat(svg(chart)).doesNotContain("40 residents");
    }

    @Test
    void keepsEveryLabelWhollyInsideTheCanvasAtBothEnds() {
        assertThat(textsInsideTheCanvas(svg(draw(PASSED_IN_2004, PASSED_BY_MID_2022)))).contains(
                "3 residents by December 2004", "75 residents by June 2022", "counting since 2004",
                "Residents passed examination", "2004", "2022");
        FigureView sinceMid2021 = new FigureView("h.2", 15, null, METRIC, new BigDecimal("12"), "residents",
                Qualifier.EXACTLY, Side.GUANGDONG, Extent.range(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 6, 30)),
                "CUMULATIVE", false, false);
        assertThat(textsInsideTheCanvas(svg(draw(PASSED_IN_2004, PASSED_BY_MID_2022, sinceMid2021))))
                .as("a base date near the right edge").contains("counting since 2021");
    }

    /** The texts of an SVG, each checked to lie wholly between the canvas' left and right edges. */
    private static List<String> textsInsideTheCanvas(String svg) {
        List<String> texts = new ArrayList<>();
        Matcher text = Pattern.compile("<text x='([-0-9.]+)' y='[-0-9.]+' style='[^']*font-size: (\\d+)px;"
                + "( font-weight: bold;)?[^']*'[^>]*>([^<]*)</text>").matcher(svg);
        FontRenderContext context = new FontRenderContext(null, true, true);
        while (text.find()) {
            String content = text.group(4);
            double left = Double.parseDouble(text.group(1));
            Font font = new Font(Font.SANS_SERIF, text.group(3) == null ? Font.PLAIN : Font.BOLD,
                    Integer.parseInt(text.group(2)));
            double width = font.getStringBounds(content, context).getWidth();
            texts.add(content);
            assertThat(left).as("left edge of '" + content + "'").isGreaterThanOrEqualTo(0);
            assertThat(left + width).as("right edge of '" + content + "'").isLessThanOrEqualTo(ChartImages.WIDTH);
        }
        return texts;
    }

    @Test
    void drawsFlowsAsBarsOverTheirYearsWithALegendOfTheSides() {
        JFreeChart chart = draw(flow("3.1.1", Side.GUANGDONG, 2020, "658"), flow("3.1.2", Side.HONG_KONG, 2020, "40"),
                flow("3.2.1", Side.GUANGDONG, 2021, "1090"));

        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDataset(0).getSeriesCount()).as("running totals").isZero();
        assertThat(plot.getDataset(1).getSeriesCount()).isEqualTo(2);
        assertThat(plot.getDataset(1).getSeriesKey(0)).isEqualTo("Guangdong side, applications: over each span");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Total over each figure's span (applications)");
        assertThat(subtitles(chart).get(0)).isEqualTo("Figures of 2 sides, apart; 3 span figures as bars over their "
                + "spans, as recorded: nothing is interpolated");
        String svg = svg(chart);
        assertThat(svg).contains(">Guangdong side, applications: over each span<",
                ">Hong Kong side, applications: over each span<", ">658 applications in 2020<",
                ">1090 applications in 2021<");
        assertThat(chart.getSubtitles()).filteredOn(LegendTitle.class::isInstance).hasSize(1);

        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT,
                BufferedImage.TYPE_INT_RGB, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        double between = y(plot, area, 515);
        Color inside2021 = pixel(image, x(plot, area, LocalDate.of(2021, 7, 1)), between);
        Color after2021 = pixel(image, x(plot, area, LocalDate.of(2022, 6, 15)), between);
        assertThat(distance(inside2021, Color.WHITE)).as("the 2021 bar is filled").isGreaterThan(60);
        assertThat(distance(after2021, Color.WHITE)).as("nothing after 2021").isLessThan(30);
    }

    @Test
    void labelsOnlyTheLastPointOfALongSeriesAndListsItsFirstAndLastFigures() {
        List<FigureView> points = IntStream.range(0, 1000).mapToObj(i -> runningTotal("f" + i, 2004,
                LocalDate.of(2004, 1, 2).plusDays(i), Integer.toString(i), i % 2 == 0 ? Qualifier.EXACTLY
                        : Qualifier.ABOUT)).toList();

        JFreeChart chart = TrendChart.draw(METRIC, TITLE, points, 119);

        assertThat(chart.getXYPlot().getAnnotations()).extracting(a -> ((XYTextAnnotation) a).getText())
                .containsExactly("about 999 residents by September 2006");
        assertThat(chart.getXYPlot().getDataset(0).getItemCount(0)).isEqualTo(1000);
        assertThat(subtitles(chart)).containsExactly(
                "Figures of the Hong Kong side; 1000 running totals as markers, as recorded: nothing is interpolated;"
                        + " the last of each series labelled with its value as stated; 500 of the figures are"
                        + " approximate or bounds",
                "Source: Programme Ledger, events up to ledger position 119; figures f0, f1, f2, f3, f4, f5, f6, f7,"
                        + " f8 … f999 (1000 figures)");
    }

    @Test
    void saysWhenTheSidesReportedAFigureJointlyAndKeepsItApartFromOneSidesFigure() {
        JFreeChart chart = draw(flow("5.1.1", Side.JOINT, 2021, "183"), flow("5.1.2", Side.HONG_KONG, 2021, "36"));

        assertThat(subtitles(chart).get(0)).startsWith("Figures of 2 sides, apart; ");
        assertThat(chart.getXYPlot().getDataset(1).getSeriesKey(0))
                .isEqualTo("Hong Kong side, applications: over each span");
        assertThat(chart.getXYPlot().getDataset(1).getSeriesKey(1))
                .isEqualTo("Both sides jointly, applications: over each span");
        assertThat(subtitles(draw(flow("5.1.1", Side.JOINT, 2021, "183"))).get(0))
                .isEqualTo("Figures the sides report jointly; 1 span figure as a bar over its span, as recorded: "
                        + "nothing is interpolated");
    }

    @Test
    void drawsRunningTotalsAndSpanFiguresOfOneMetricApartAndNamesBothUnits() {
        JFreeChart chart = draw(PASSED_BY_MID_2022, flow("15.1.1", Side.HONG_KONG, 2020, "5"),
                flow("15.2.1", Side.HONG_KONG, 2021, "7"));

        assertThat(subtitles(chart).get(0)).isEqualTo("Figures of the Hong Kong side; 1 running total as a marker and "
                + "2 span figures as bars over their spans, as recorded: nothing is interpolated");
        assertThat(chart.getXYPlot().getRangeAxis().getLabel()).isEqualTo("Value as recorded (applications, residents)");
        assertThat(chart.getSubtitles()).filteredOn(LegendTitle.class::isInstance).hasSize(1);
        assertThat(svg(chart)).contains(">Hong Kong side, residents: running total<",
                ">Hong Kong side, applications: over each span<");
    }

    @Test
    void showsTheQualifierOfALowerBound() {
        JFreeChart chart = draw(PASSED_BY_MID_2022, runningTotal("16.0.1", 2004, LocalDate.of(2023, 6, 30), "80",
                Qualifier.MORE_THAN));

        assertThat(chart.getXYPlot().getAnnotations()).extracting(a -> ((XYTextAnnotation) a).getText())
                .containsExactly("75 residents by June 2022", "more than 80 residents by June 2023");
    }

    @Test
    void rendersTheSameBytesForTheSameFigures() {
        assertThat(ChartImages.png(draw(PASSED_IN_2004, PASSED_BY_MID_2022)))
                .isEqualTo(ChartImages.png(draw(PASSED_IN_2004, PASSED_BY_MID_2022)));
        assertThat(ChartImages.svg(draw(PASSED_IN_2004, PASSED_BY_MID_2022)))
                .isEqualTo(ChartImages.svg(draw(PASSED_IN_2004, PASSED_BY_MID_2022)));
    }

    @Test
    void refusesToDrawAChartWithoutAnyFigure() {
        assertThatThrownBy(TrendChartTest::draw)
                .hasMessage("the ledger holds no figures of residents-passed-examination to draw");
    }

    private static String svg(JFreeChart chart) {
        return new String(ChartImages.svg(chart), StandardCharsets.UTF_8);
    }

    private static double x(XYPlot plot, Rectangle2D area, LocalDate day) {
        return plot.getDomainAxis().valueToJava2D(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), area,
                plot.getDomainAxisEdge());
    }

    private static double y(XYPlot plot, Rectangle2D area, double value) {
        return plot.getRangeAxis().valueToJava2D(value, area, plot.getRangeAxisEdge());
    }

    private static Color pixel(BufferedImage image, double x, double y) {
        return new Color(image.getRGB((int) Math.round(x), (int) Math.round(y)));
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }
}
