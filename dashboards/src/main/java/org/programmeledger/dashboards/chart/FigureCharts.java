package org.programmeledger.dashboards.chart;

import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.programmeledger.analytics.aggregation.Combination;
import org.programmeledger.analytics.aggregation.Combined;
import org.programmeledger.analytics.aggregation.Combined.Shows;
import org.programmeledger.analytics.aggregation.StatedFigure;
import org.programmeledger.analytics.output.Provenance;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.PeriodView;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Side;

/**
 * Bar charts of recorded figures. Each bar is labelled with the value as stated, qualifier included
 * ("more than 250"), because a bar alone cannot show that a value is a lower bound or approximate. Figures
 * are combined as their metric's aggregation allows (analytics' {@link Combination}): only flows are added,
 * a running total or level shows its latest value, a disputed figure is never added and a figure part of
 * another is not counted twice. Facts of the plan period itself, of no item, are left to the dashboard.
 * Fonts, colours and sizes are fixed so that the same figures give the same bytes.
 */
final class FigureCharts {

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final List<Color> COLOURS = List.of(new Color(0x1f, 0x5f, 0x8b), new Color(0xd9, 0x7b, 0x29),
            new Color(0x3a, 0x8a, 0x4f), new Color(0x8e, 0x44, 0x8e), new Color(0x77, 0x77, 0x77),
            new Color(0xb0, 0x3a, 0x2e));
    /** As many bars as leave room for their labels at 45 degrees across the chart's 1000 pixels. */
    static final int MAX_BARS = 40;
    /** Characters of an item's category label: 40 of them at 45 degrees fit under the plot. */
    private static final int ITEM_LABEL_LENGTH = 28;

    private FigureCharts() {
    }

    /**
     * One metric, one bar per item that reports it, its figures combined as the metric's aggregation allows (one
     * series per unit when the metric has several).
     */
    static JFreeChart metricAcrossItems(String title, String metric, PeriodView period, Map<Integer, String> itemTitles,
                                        List<FigureView> figures, Wholes wholes, long position) {
        List<FigureView> chosen = figures.stream().filter(f -> f.ofAnItem() && f.metric().equals(metric)).toList();
        Map<String, Map<Integer, List<FigureView>>> byUnitAndItem = new TreeMap<>();
        chosen.forEach(figure -> byUnitAndItem.computeIfAbsent(figure.unit(), unit -> new TreeMap<>())
                .computeIfAbsent(figure.itemNumber(), item -> new ArrayList<>()).add(figure));
        String name = capitalised(metric.replace('-', ' '));
        Bars bars = new Bars();
        byUnitAndItem.forEach((unit, byItem) -> byItem.forEach((item, ofItem) -> bars.add(
                byUnitAndItem.size() == 1 ? name : name + " (" + unit + ")", itemLabel(item, itemTitles),
                Bar.of(ofItem, wholes, figure -> inside(figure, period)))));
        String units = String.join(", ", byUnitAndItem.keySet());
        JFreeChart chart = bars.chart(title, "Item of the plan period", name + " (" + units + ")", false);
        subtitle(chart, chosen.size() + " figure" + (chosen.size() == 1 ? "" : "s") + " of " + metric
                + " in " + period.label() + "; labels give the values as stated" + neverAdded(chosen));
        source(chart, period, position);
        return chart;
    }

    /** Several metrics of one item, side by side for each year the figures cover. */
    static JFreeChart metricsByYear(String title, int item, List<String> metrics, PeriodView period,
                                    List<FigureView> figures, Wholes wholes, long position) {
        Set<String> units = new LinkedHashSet<>();
        Map<String, Map<String, List<FigureView>>> bySeriesAndYear = new LinkedHashMap<>();
        List<FigureView> chosen = figures.stream()
                .filter(f -> f.ofAnItem() && f.itemNumber() == item && metrics.contains(f.metric())).toList();
        for (String metric : metrics) {
            chosen.stream().filter(figure -> figure.metric().equals(metric)).forEach(figure -> {
                units.add(figure.unit());
                bySeriesAndYear.computeIfAbsent(capitalised(metric.replace('-', ' ')) + " (" + figure.unit() + ")",
                        series -> new TreeMap<>()).computeIfAbsent(year(figure), y -> new ArrayList<>()).add(figure);
            });
        }
        Bars bars = new Bars();
        bySeriesAndYear.forEach((series, byYear) -> byYear.forEach((year, ofYear) ->
                bars.add(series, year, Bar.of(ofYear, wholes, figure -> true))));
        JFreeChart chart = bars.chart(title, "Year", "Number (" + String.join(", ", units) + ")", true);
        subtitle(chart, "Item " + item + " of " + period.label() + "; a range of years is shown as recorded"
                + neverAdded(chosen));
        source(chart, period, position);
        return chart;
    }

    /**
     * The number of figures each item reports, stacked by side (Guangdong, Hong Kong, Macao, joint). Beyond
     * {@link #MAX_BARS} items the bars and their labels would run together (and 16 667 of them exhausted the
     * heap as SVG), so consecutive items are then drawn in groups ("Items 1-5"), each bar their summed counts.
     */
    static JFreeChart figuresPerItemBySide(String title, PeriodView period, Map<Integer, String> itemTitles,
                                           List<FigureView> all, long position) {
        List<FigureView> figures = all.stream().filter(FigureView::ofAnItem).toList();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Map<Integer, Map<Side, Integer>> counts = new TreeMap<>();
        figures.forEach(figure -> counts.computeIfAbsent(figure.itemNumber(), n -> new TreeMap<>())
                .merge(figure.side(), 1, Integer::sum));
        List<Side> sides = Arrays.stream(Side.values())
                .filter(side -> counts.values().stream().anyMatch(bySide -> bySide.containsKey(side))).toList();
        int perBar = (counts.size() + MAX_BARS - 1) / MAX_BARS;
        Map<String, Map<Side, Integer>> bars = grouped(counts, perBar, itemTitles);
        // Every side gets a value (null where it has none) for every bar, so the bars keep their order.
        for (Side side : sides) {
            bars.forEach((bar, bySide) -> dataset.addValue(bySide.get(side), side.label(), bar));
        }
        CategoryAxis items = new CategoryAxis("Item of the plan period");
        items.setTickLabelFont(LABEL);
        items.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis count = new NumberAxis("Figures recorded (count)");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));
        count.setTickLabelFont(LABEL);
        StackedBarRenderer renderer = new StackedBarRenderer();
        style(renderer, dataset);
        for (int row = 0; row < sides.size(); row++) {
            renderer.setSeriesPaint(row, COLOURS.get(sides.get(row).ordinal() % COLOURS.size()));
        }
        CategoryPlot plot = plot(dataset, items, count, renderer);
        JFreeChart chart = chart(title, plot, true);
        subtitle(chart, figures.size() + " figures in " + period.label()
                + "; each figure counts once, whatever its value"
                + (perBar > 1 ? "; " + counts.size() + " items, up to " + perBar + " to a bar" : ""));
        source(chart, period, position);
        return chart;
    }

    /** Consecutive items, {@code perBar} to a bar, with their counts by side summed. */
    private static Map<String, Map<Side, Integer>> grouped(Map<Integer, Map<Side, Integer>> counts, int perBar,
                                                           Map<Integer, String> itemTitles) {
        List<Map.Entry<Integer, Map<Side, Integer>>> items = List.copyOf(counts.entrySet());
        Map<String, Map<Side, Integer>> bars = new LinkedHashMap<>();
        for (int from = 0; from < items.size(); from += perBar) {
            List<Map.Entry<Integer, Map<Side, Integer>>> group =
                    items.subList(from, Math.min(items.size(), from + perBar));
            int first = group.get(0).getKey();
            int last = group.get(group.size() - 1).getKey();
            Map<Side, Integer> sum = new TreeMap<>();
            group.forEach(item -> item.getValue().forEach((side, n) -> sum.merge(side, n, Integer::sum)));
            bars.put(first == last ? itemLabel(first, itemTitles) : "Items " + first + "-" + last, sum);
        }
        return bars;
    }

    private static void style(BarRenderer renderer, DefaultCategoryDataset dataset) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        for (int row = 0; row < dataset.getRowCount(); row++) {
            renderer.setSeriesPaint(row, COLOURS.get(row % COLOURS.size()));
        }
    }

    private static CategoryPlot plot(DefaultCategoryDataset dataset, CategoryAxis categories, NumberAxis values,
                                     BarRenderer renderer) {
        CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static JFreeChart chart(String title, CategoryPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        if (legend) {
            LegendTitle key = new LegendTitle(plot);
            key.setItemFont(LABEL);
            key.setPosition(RectangleEdge.TOP);
            chart.addSubtitle(key);
        }
        return chart;
    }

    private static void subtitle(JFreeChart chart, String text) {
        chart.addSubtitle(0, new TextTitle(text, LABEL));
    }

    private static void source(JFreeChart chart, PeriodView period, long position) {
        TextTitle source = new TextTitle(Provenance.sourceLine(position) + "; plan period " + period.periodId(), LABEL);
        source.setPosition(RectangleEdge.BOTTOM);
        source.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        chart.addSubtitle(source);
    }

    /** The year a figure covers, or its years as recorded ("2020-2021") when it spans more than one. */
    private static String year(FigureView figure) {
        int from = figure.extent().start().getYear();
        int to = figure.extent().end().getYear();
        return from == to ? Integer.toString(from) : from + "-" + to;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * An item as a bar's category: its number and the start of its title ("2. Continuing to reinforce IP…"), short
     * enough to stand under a bar; "Item 2" when the views give it no title.
     */
    static String itemLabel(int number, Map<Integer, String> itemTitles) {
        String title = itemTitles.get(number);
        if (title == null || title.isBlank()) {
            return "Item " + number;
        }
        String label = number + ". " + title.strip();
        return label.length() <= ITEM_LABEL_LENGTH ? label
                : label.substring(0, ITEM_LABEL_LENGTH - 1).stripTrailing() + "\u2026";
    }

    /** What the subtitle adds when the figures are of a metric whose values are never added up; nothing for flows. */
    private static String neverAdded(List<FigureView> figures) {
        Set<Aggregation> kinds = figures.stream().map(FigureView::aggregation)
                .filter(aggregation -> !Combination.adds(aggregation)).collect(Collectors.toCollection(TreeSet::new));
        return kinds.stream().map(kind -> switch (kind) {
            case CUMULATIVE -> "; a running total shows its latest value, never a sum";
            case LEVEL -> "; a level shows its latest value, never a sum";
            case RATIO -> "; ratios are never added";
            case DISTINCT -> "; counts of distinct things are never added";
            case SUM -> "";
        }).collect(Collectors.joining());
    }

    /** Whether the figure's time lies inside the plan period's dates (an unstated one belongs to the period). */
    private static boolean inside(FigureView figure, PeriodView period) {
        return figure.extent().precision() == DatePrecision.UNSTATED
                || !figure.extent().start().isBefore(period.startsOn()) && !figure.extent().end().isAfter(period.endsOn());
    }

    /**
     * A bar: its height, when the figures have one total or one latest value that a bar may show, and its label,
     * every line the figures make as a reader says it ("more than 720", "earlier 150", "disputed: 902 or 1090").
     * A figure whose time reaches beyond the bar's is shown whole and apart, never added to the others.
     */
    record Bar(BigDecimal height, String label) {

        static Bar of(List<FigureView> figures, Wholes wholes, Predicate<FigureView> insideTheBar) {
            // Only a whole the bar adds up includes a part: one beyond the bar's time is shown apart.
            Set<String> added = figures.stream().filter(insideTheBar).map(FigureView::figureId)
                    .collect(Collectors.toSet());
            List<Combined> lines = Combination.of(figures.get(0).aggregation(), figures.stream()
                    .filter(insideTheBar).map(figure -> stated(figure, wholes.nearestAmong(figure, added))).toList());
            List<Combined> headlines = lines.stream().filter(line -> line.shows() == Shows.SUM
                    || line.shows() == Shows.LATEST || line.shows() == Shows.SINGLE).toList();
            BigDecimal height = headlines.size() == 1 ? headlines.get(0).total() : null;
            List<String> said = new ArrayList<>(lines.stream().map(Bar::said).toList());
            figures.stream().filter(insideTheBar.negate()).forEach(figure -> said.add(said(Combination.apart(
                    stated(figure, null))) + " (" + figure.extent().text() + ", beyond the period)"));
            return new Bar(height, String.join("; ", said));
        }

        private static String said(Combined line) {
            return switch (line.shows()) {
                case EARLIER -> "earlier " + line.statedAs();
                case PART_OF -> "of which " + line.statedAs();
                default -> line.statedAs();
            };
        }

        /** @param includedIn the nearest figure of the bar that includes it; null when none does */
        private static StatedFigure stated(FigureView figure, String includedIn) {
            return new StatedFigure("", figure.figureId(), figure.bound(), figure.extent().start(),
                    figure.extent().end(), includedIn, figure.disputedValues());
        }
    }

    /**
     * Which figure each figure of a plan period is part of, retracted ones too: a figure is included in its
     * whole's whole though its whole is retracted or drawn elsewhere, as the period summary counts it.
     */
    static final class Wholes {

        private final Map<String, String> partOf = new HashMap<>();

        Wholes(List<FigureView> periodFigures) {
            periodFigures.stream().filter(figure -> figure.partOf() != null)
                    .forEach(figure -> partOf.put(figure.figureId(), figure.partOf()));
        }

        /** Its whole, or a whole of that one, the nearest that is among {@code figureIds}; null when none is. */
        String nearestAmong(FigureView figure, Set<String> figureIds) {
            // A whole is recorded before its parts: the walk ends, at a figure that is part of none.
            String whole = figure.partOf();
            while (whole != null && !figureIds.contains(whole)) {
                whole = partOf.get(whole);
            }
            return whole;
        }
    }

    /**
     * The bars of a chart with their labels. A category whose figures have no height a bar may show (a dispute,
     * ratios side by side, mixed bounds) keeps its place with no bar and its label written at the axis.
     */
    private static final class Bars {

        private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        private final Map<String, String> labels = new HashMap<>();
        private final List<CategoryTextAnnotation> unbarred = new ArrayList<>();

        void add(String series, String category, Bar bar) {
            dataset.addValue(bar.height(), series, category);
            if (bar.height() == null) {
                CategoryTextAnnotation note = new CategoryTextAnnotation(bar.label(), category, 0);
                note.setFont(LABEL);
                note.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                unbarred.add(note);
            } else {
                labels.put(series + "|" + category, bar.label());
            }
        }

        JFreeChart chart(String title, String categoryLabel, String valueLabel, boolean legend) {
            CategoryAxis categories = new CategoryAxis(categoryLabel);
            categories.setTickLabelFont(LABEL);
            // An item's name wraps under its bar rather than being cut to "Fro…".
            categories.setMaximumCategoryLabelLines(3);
            NumberAxis values = new NumberAxis(valueLabel);
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));
            values.setTickLabelFont(LABEL);
            values.setUpperMargin(0.15);
            BarRenderer renderer = new BarRenderer();
            style(renderer, dataset);
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
                @Override
                public String generateLabel(CategoryDataset data, int row, int column) {
                    return labels.get(data.getRowKey(row) + "|" + data.getColumnKey(column));
                }
            });
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(LABEL);
            renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                    TextAnchor.BOTTOM_CENTER));
            CategoryPlot plot = plot(dataset, categories, values, renderer);
            unbarred.forEach(plot::addAnnotation);
            return FigureCharts.chart(title, plot, legend);
        }
    }
}
