package org.programmeledger.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryAnnotation;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.dashboards.views.FigureSource;
import org.programmeledger.dashboards.views.FigureValue;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.PeriodView;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureScope;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/**
 * The period charts combine figures as each metric's aggregation allows: the bar heights and labels of histories
 * written for the purpose, against hand-computed expectations.
 */
class FigureChartsAggregationTest {

    private static final PeriodView PERIOD = new PeriodView("history-2003-2025", "Expert Group", "2003 - 2025",
            LocalDate.of(2003, 1, 1), LocalDate.of(2025, 12, 31), "DRAFT", null, null, false);

    @Test
    void showsARunningTotalByItsLatestValueWithTheEarlierOnesAsPointsNeverTheirSum() {
        JFreeChart chart = acrossItems("projects-cumulative", List.of(
                figure("p.1", 7, "projects-cumulative", "150", Qualifier.MORE_THAN, "2014", Aggregation.CUMULATIVE),
                figure("p.2", 7, "projects-cumulative", "100", Qualifier.MORE_THAN, "2019", Aggregation.CUMULATIVE),
                figure("p.3", 7, "projects-cumulative", "239", Qualifier.EXACTLY, "2020", Aggregation.CUMULATIVE)));

        assertThat(height(chart, "Item 7")).isEqualTo(239);
        assertThat(label(chart, "Item 7")).isEqualTo("239; earlier more than 150; earlier more than 100");
        assertThat(svg(chart)).doesNotContain(">489<")
                .contains("a running total shows its latest value, never a sum");
    }

    @Test
    void addsFlowsKeepingTheirBoundsAndSaysWhenBoundsFromOppositeSidesHaveNoTotal() {
        JFreeChart chart = acrossItems("participants", List.of(
                figure("a.1", 2, "participants", "250", Qualifier.MORE_THAN, "2020-12", Aggregation.SUM),
                figure("a.2", 2, "participants", "470", Qualifier.ABOUT, "2021", Aggregation.SUM),
                range("b.1", 4, "300", "400"),
                figure("b.2", 4, "participants", "100", Qualifier.EXACTLY, "2021", Aggregation.SUM),
                figure("c.1", 5, "participants", "250", Qualifier.MORE_THAN, "2020", Aggregation.SUM),
                figure("c.2", 5, "participants", "400", Qualifier.NEARLY, "2021", Aggregation.SUM)));

        assertThat(height(chart, "Item 2")).isEqualTo(720);
        assertThat(label(chart, "Item 2")).isEqualTo("more than 720");
        assertThat(height(chart, "Item 4")).isEqualTo(400);
        assertThat(label(chart, "Item 4")).isEqualTo("between 400 and 500");
        assertThat(height(chart, "Item 5")).isNull();
        assertThat(notes(chart)).containsExactly("mixed bounds: no total");
    }

    @Test
    void neverAddsADisputedFigureAndListsEveryValueItsSourcesGive() {
        FigureView disputed = disputed(figure("d.1", 3, "valid-applications", "902", Qualifier.EXACTLY, "2021",
                Aggregation.SUM), "902", "1090");
        JFreeChart alone = acrossItems("valid-applications", List.of(disputed));
        JFreeChart beside = acrossItems("valid-applications", List.of(disputed,
                figure("d.2", 3, "valid-applications", "658", Qualifier.EXACTLY, "2020", Aggregation.SUM)));

        assertThat(height(alone, "Item 3")).isNull();
        assertThat(notes(alone)).containsExactly("disputed: 902 or 1090");
        assertThat(height(beside, "Item 3")).isEqualTo(658);
        assertThat(label(beside, "Item 3")).isEqualTo("658; disputed: 902 or 1090");
    }

    @Test
    void countsAFigureThatIsPartOfAnotherOnlyOnce() {
        FigureView yearly = figure("s.1", 6, "infringing-items-seized", "394000", Qualifier.MORE_THAN, "2016",
                Aggregation.SUM);
        FigureView operation = partOf(figure("s.2", 6, "infringing-items-seized", "40000", Qualifier.EXACTLY,
                "2016-05", Aggregation.SUM), "s.1");

        JFreeChart chart = acrossItems("infringing-items-seized", List.of(yearly, operation));

        assertThat(height(chart, "Item 6")).isEqualTo(394000);
        assertThat(label(chart, "Item 6")).isEqualTo("more than 394000; of which 40000");
    }

    @Test
    void countsAFigureOnceThoughTheFigureBetweenItAndItsWholesWholeIsOfAnotherItem() {
        FigureView total = figure("t.1", 1, "participants", "100", Qualifier.EXACTLY, "2021-07", Aggregation.SUM);
        FigureView elsewhere = partOf(figure("t.2", 2, "participants", "30", Qualifier.EXACTLY, "2021-07",
                Aggregation.SUM), "t.1");
        FigureView ofThat = partOf(figure("t.3", 1, "participants", "10", Qualifier.EXACTLY, "2021-07",
                Aggregation.SUM), "t.2");

        JFreeChart chart = acrossItems("participants", List.of(total, elsewhere, ofThat));

        assertThat(height(chart, "Item 1")).isEqualTo(100);
        assertThat(label(chart, "Item 1")).isEqualTo("100; of which 10");
        assertThat(height(chart, "Item 2")).isEqualTo(30);
    }

    @Test
    void countsAFigureOnceThoughTheFigureBetweenItAndItsWholesWholeWasRetracted() {
        FigureView total = figure("t.1", 1, "participants", "100", Qualifier.EXACTLY, "2021-07", Aggregation.SUM);
        FigureView between = partOf(figure("t.2", 1, "participants", "30", Qualifier.EXACTLY, "2021-07",
                Aggregation.SUM), "t.1");
        FigureView retracted = new FigureView(between.figureId(), 1, null, "participants", between.value(),
                "persons", Qualifier.EXACTLY, Side.JOINT, between.extent(), "FLOW", false, true, null,
                Aggregation.SUM, "t.1", false, FigureScope.ITEM, FigureSource.NONE, null, List.of());
        FigureView ofThat = partOf(figure("t.3", 1, "participants", "10", Qualifier.EXACTLY, "2021-07",
                Aggregation.SUM), "t.2");

        JFreeChart chart = PeriodChart.PARTICIPANTS.drawFrom(PERIOD, List.of(total, retracted, ofThat), 1);

        assertThat(height(chart, "Item 1")).isEqualTo(100);
        assertThat(label(chart, "Item 1")).isEqualTo("100; of which 10");
    }

    @Test
    void showsAFigureReachingBeyondThePlanPeriodApartNeverInTheBarsTotal() {
        PeriodView year = new PeriodView("pp", "Expert Group", "2021", LocalDate.of(2021, 1, 1),
                LocalDate.of(2021, 12, 31), "DRAFT", null, null, false);
        List<FigureView> figures = List.of(
                figure("p.1", 1, "participants", "250", Qualifier.MORE_THAN, "2021-03", Aggregation.SUM),
                figure("p.3", 1, "participants", "1000", Qualifier.EXACTLY, "2020-12/2021-01", Aggregation.SUM));

        JFreeChart chart = FigureCharts.metricAcrossItems("Chart", "participants", year, Map.of(), figures,
                new FigureCharts.Wholes(figures), 1);

        assertThat(height(chart, "Item 1")).isEqualTo(250);
        assertThat(label(chart, "Item 1")).isEqualTo("more than 250; 1000 (2020-12/2021-01, beyond the period)");
    }

    @Test
    void countsAPartOnceThoughTheFigureBetweenItAndItsWholesWholeReachesBeyondThePlanPeriod() {
        PeriodView year = new PeriodView("pp", "Expert Group", "2020", LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31), "DRAFT", null, null, false);
        List<FigureView> figures = List.of(
                figure("C", 4, "participants", "1000", Qualifier.EXACTLY, "2020", Aggregation.SUM),
                partOf(figure("B", 4, "participants", "500", Qualifier.EXACTLY, "2019-12/2020-02", Aggregation.SUM),
                        "C"),
                partOf(figure("A", 4, "participants", "100", Qualifier.EXACTLY, "2020-01", Aggregation.SUM), "B"));

        JFreeChart chart = FigureCharts.metricAcrossItems("Chart", "participants", year, Map.of(), figures,
                new FigureCharts.Wholes(figures), 1);

        assertThat(height(chart, "Item 4")).isEqualTo(1000);
        assertThat(label(chart, "Item 4")).isEqualTo("1000; of which 100; 500 (2019-12/2020-02, beyond the period)");
    }

    @Test
    void drawsOneRatioAsABarAndNeverAddsTwo() {
        JFreeChart chart = acrossItems("share-online", List.of(
                figure("r.1", 8, "share-online", "40", Qualifier.EXACTLY, "2020", Aggregation.RATIO),
                figure("r.2", 9, "share-online", "40", Qualifier.EXACTLY, "2020", Aggregation.RATIO),
                figure("r.3", 9, "share-online", "55", Qualifier.ABOUT, "2021", Aggregation.RATIO)));

        assertThat(height(chart, "Item 8")).isEqualTo(40);
        assertThat(height(chart, "Item 9")).isNull();
        assertThat(notes(chart)).containsExactly("40; about 55");
        assertThat(svg(chart)).doesNotContain(">95<").contains("ratios are never added");
    }

    @Test
    void leavesTheFactsOfThePlanPeriodItselfOutOfTheItemBars() {
        FigureView ofThePeriod = new FigureView("m.1", 0, null, "participants", new BigDecimal("90"), "persons",
                Qualifier.EXACTLY, Side.JOINT, Extent.parse("2021"), "FLOW", false, false, null, Aggregation.SUM,
                null, false, FigureScope.PERIOD, FigureSource.NONE, null, List.of());

        JFreeChart chart = acrossItems("participants", List.of(ofThePeriod,
                figure("a.1", 2, "participants", "250", Qualifier.MORE_THAN, "2020-12", Aggregation.SUM)));

        assertThat(chart.getCategoryPlot().getDataset().getColumnKeys()).containsExactly("Item 2");
        assertThat(svg(PeriodChart.FIGURES_BY_SIDE.drawFrom(PERIOD, List.of(ofThePeriod), 5)))
                .contains("0 figures in 2003 - 2025").doesNotContain("Item 0");
    }

    @Test
    void showsTheLatestValueOfARunningTotalEachYearOfTheContestChart() {
        JFreeChart chart = FigureCharts.metricsByYear("Contest", 3, List.of("valid-applications"), PERIOD, List.of(
                figure("v.1", 3, "valid-applications", "300", Qualifier.EXACTLY, "2021-03", Aggregation.CUMULATIVE),
                figure("v.2", 3, "valid-applications", "700", Qualifier.EXACTLY, "2021-09", Aggregation.CUMULATIVE)),
                new FigureCharts.Wholes(List.of()), 1);

        CategoryDataset bars = chart.getCategoryPlot().getDataset();
        assertThat(bars.getValue("Valid applications (applications)", "2021")).isEqualTo(new BigDecimal("700"));
        assertThat(label(chart, "Valid applications (applications)", "2021")).isEqualTo("700; earlier 300");
    }

    private static JFreeChart acrossItems(String metric, List<FigureView> figures) {
        return FigureCharts.metricAcrossItems("Chart", metric, PERIOD, Map.of(), figures,
                new FigureCharts.Wholes(figures), 1);
    }

    private static FigureView figure(String id, int item, String metric, String value, Qualifier qualifier,
                                     String extent, Aggregation aggregation) {
        return new FigureView(id, item, null, metric, new BigDecimal(value),
                metric.equals("participants") ? "persons" : metric.equals("valid-applications") ? "applications"
                        : "items", qualifier, Side.JOINT, Extent.parse(extent),
                aggregation == Aggregation.CUMULATIVE ? Basis.CUMULATIVE.name() : Basis.FLOW.name(), false, false,
                null, aggregation, null, false, FigureScope.ITEM, FigureSource.NONE, null, List.of());
    }

    private static FigureView range(String id, int item, String low, String high) {
        return new FigureView(id, item, null, "participants", new BigDecimal(low), "persons", Qualifier.BETWEEN,
                Side.JOINT, Extent.parse("2021"), "FLOW", false, false, new BigDecimal(high), Aggregation.SUM, null,
                false, FigureScope.ITEM, FigureSource.NONE, null, List.of());
    }

    private static FigureView disputed(FigureView figure, String... values) {
        List<FigureValue> all = java.util.Arrays.stream(values).map(value -> new FigureValue(
                Bound.of(Qualifier.EXACTLY, new BigDecimal(value)), FigureSource.NONE, false, null)).toList();
        return new FigureView(figure.figureId(), figure.itemNumber(), null, figure.metric(), figure.value(),
                figure.unit(), figure.qualifier(), figure.side(), figure.extent(), figure.basis(), false, false, null,
                figure.aggregation(), null, true, FigureScope.ITEM, FigureSource.NONE, null, all);
    }

    private static FigureView partOf(FigureView figure, String whole) {
        return new FigureView(figure.figureId(), figure.itemNumber(), null, figure.metric(), figure.value(),
                figure.unit(), figure.qualifier(), figure.side(), figure.extent(), figure.basis(), false, false, null,
                figure.aggregation(), whole, false, FigureScope.ITEM, FigureSource.NONE, null, List.of());
    }

    private static Integer height(JFreeChart chart, String item) {
        CategoryDataset bars = chart.getCategoryPlot().getDataset();
        Number value = bars.getValue(bars.getRowKey(0), item);
        return value == null ? null : value.intValue();
    }

    private static String label(JFreeChart chart, String item) {
        return label(chart, chart.getCategoryPlot().getDataset().getRowKey(0), item);
    }

    private static String label(JFreeChart chart, Comparable<?> series, String category) {
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryDataset bars = plot.getDataset();
        return plot.getRenderer().getDefaultItemLabelGenerator().generateLabel(bars, bars.getRowIndex(series),
                bars.getColumnIndex(category));
    }

    private static List<String> notes(JFreeChart chart) {
        List<CategoryAnnotation> annotations = chart.getCategoryPlot().getAnnotations();
        return annotations.stream().map(note -> ((CategoryTextAnnotation) note).getText()).toList();
    }

    private static String svg(JFreeChart chart) {
        return new String(ChartImages.svg(chart), StandardCharsets.UTF_8);
    }
}
