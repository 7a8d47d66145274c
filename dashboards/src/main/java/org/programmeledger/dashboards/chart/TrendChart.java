package org.programmeledger.dashboards.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.programmeledger.analytics.output.Provenance;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/**
 * Draws a metric's figures over time exactly as recorded, and nothing between them. A running total (a
 * cumulative figure) is a marker at the date it counts up to, never joined to the next by a line, since the
 * ledger does not know the path between; a flow is a bar over the extent it counts, since it says nothing of
 * any shorter span. One series per side, unit and kind, with a legend when there is more than one, so that
 * the figures of different sides or units are never read as one. Labels open towards the middle of the plot,
 * so that none runs off the canvas. Beyond a few figures only the last of each series is labelled and the
 * source line names the first and last figures. Fonts, colours and order are fixed: the same figures give the
 * same bytes.
 */
public final class TrendChart {

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color[] SIDE_COLOURS = {new Color(0xd9, 0x7b, 0x29), new Color(0x1f, 0x5f, 0x8b),
            new Color(0x3a, 0x8a, 0x4f), new Color(0xb0, 0x3a, 0x2e), new Color(0x77, 0x77, 0x77),
            new Color(0x8e, 0x44, 0x8e)};
    /** At most this many labels fit on the plot; with more figures, only the last of each series is labelled. */
    static final int LABELLED_POINTS = 20;
    /** Beyond this many markers a series' markers shrink, so that they do not run together into a band. */
    static final int LARGE_MARKERS = 200;
    /** The source line lists this many figures at most: all of them took the whole chart at 1 000 points. */
    static final int LISTED_FIGURES = 10;
    /** More base dates than this would hide the plot behind their dashed lines. */
    private static final int MARKED_BASES = 3;

    private TrendChart() {
    }

    /**
     * A disputed figure (sources disagree, none adopted) has no one value to place: it is left out and the
     * subtitle says so, naming it, until the secretariat adopts a value.
     *
     * @param label  the metric's name, the chart's title
     * @param all    the metric's figures that stand (none retracted), oldest first
     */
    public static JFreeChart draw(String metric, String label, List<FigureView> all, long position) {
        if (all.isEmpty()) {
            throw new IllegalStateException("the ledger holds no figures of " + metric + " to draw");
        }
        List<FigureView> figures = all.stream().filter(figure -> !figure.disputed()).toList();
        List<String> disputed = all.stream().filter(FigureView::disputed).map(FigureView::figureId).toList();
        if (figures.isEmpty()) {
            throw new IllegalStateException("every figure of " + metric + " is disputed (" + String.join(", ",
                    disputed) + "); adopt a value to draw it");
        }
        Map<SeriesKey, List<FigureView>> series = new TreeMap<>();
        figures.forEach(figure -> series.computeIfAbsent(SeriesKey.of(figure), key -> new ArrayList<>()).add(figure));

        DefaultXYDataset runningTotals = new DefaultXYDataset();
        XYLineAndShapeRenderer markers = new XYLineAndShapeRenderer(false, true);
        DefaultIntervalXYDataset flows = new DefaultIntervalXYDataset();
        XYBarRenderer bars = barRenderer();
        series.forEach((key, members) -> {
            if (key.runningTotal()) {
                int index = runningTotals.getSeriesCount();
                runningTotals.addSeries(key.name(), points(members));
                markers.setSeriesPaint(index, key.colour());
                markers.setSeriesShape(index, marker(members.size()));
            } else {
                int index = flows.getSeriesCount();
                flows.addSeries(key.name(), extents(members));
                bars.setSeriesPaint(index, translucent(key.colour()));
                bars.setSeriesOutlinePaint(index, key.colour());
            }
        });

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(timeAxis(figures));
        plot.setRangeAxis(valueAxis(series.keySet(), figures));
        // Dataset 0 is drawn last, so markers stay in front of any bar.
        plot.setDataset(0, runningTotals);
        plot.setRenderer(0, markers);
        plot.setDataset(1, flows);
        plot.setRenderer(1, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        SortedSet<LocalDate> bases = new TreeSet<>();
        series.forEach((key, members) -> {
            if (key.runningTotal()) {
                members.forEach(figure -> bases.add(figure.extent().start()));
            }
        });
        if (bases.size() <= MARKED_BASES) {
            double middle = plot.getDomainAxis().getRange().getCentralValue();
            bases.forEach(base -> plot.addDomainMarker(baseMarker(base, middle), Layer.BACKGROUND));
        }
        labelled(series, figures.size()).forEach(figure -> plot.addAnnotation(label(figure, plot)));

        JFreeChart chart = new JFreeChart(label, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(subtitle(series, figures) + (disputed.isEmpty() ? "" : "; "
                + count(disputed.size(), "disputed figure") + " left out until a value is adopted: "
                + String.join(", ", disputed)), LABEL));
        if (series.size() > 1) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setItemFont(LABEL);
            legend.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(legend);
        }
        TextTitle source = new TextTitle(Provenance.sourceLine(position) + "; figures " + figureList(figures), LABEL);
        source.setPosition(RectangleEdge.BOTTOM);
        source.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        chart.addSubtitle(source);
        return chart;
    }

    /**
     * What the series hold, and that nothing is drawn between recorded figures, which holds for every chart
     * drawn here: markers are never joined and a bar covers only its own figure's extent.
     */
    private static String subtitle(Map<SeriesKey, List<FigureView>> series, List<FigureView> figures) {
        List<String> parts = new ArrayList<>();
        SortedSet<Side> sides = series.keySet().stream().map(SeriesKey::side)
                .collect(Collectors.toCollection(TreeSet::new));
        parts.add(sides.size() > 1 ? "Figures of " + sides.size() + " sides, apart"
                : sides.first() == Side.JOINT ? "Figures the sides report jointly"
                : "Figures of the " + sides.first().label() + " side");
        long runningTotals = figures.stream().filter(TrendChart::runningTotal).count();
        long flows = figures.size() - runningTotals;
        List<String> drawn = new ArrayList<>();
        if (runningTotals > 0) {
            drawn.add(count(runningTotals, "running total") + " as " + (runningTotals == 1 ? "a marker" : "markers"));
        }
        if (flows > 0) {
            drawn.add(count(flows, "span figure") + " as "
                    + (flows == 1 ? "a bar over its span" : "bars over their spans"));
        }
        parts.add(String.join(" and ", drawn) + ", as recorded: nothing is interpolated");
        if (figures.size() > LABELLED_POINTS) {
            parts.add("the last of each series labelled with its value as stated");
            long inexact = figures.stream().filter(figure -> figure.qualifier() != Qualifier.EXACTLY).count();
            if (inexact > 0) {
                parts.add(inexact + " of the figures are approximate or bounds");
            }
        }
        return String.join("; ", parts);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * How a figure is drawn: a running total since a base date is never added to anything, so it is a point;
     * a flow is a quantity of its extent. The metric catalogue's aggregation says which a figure is.
     */
    static boolean runningTotal(FigureView figure) {
        return figure.cumulative();
    }

    private static List<FigureView> labelled(Map<SeriesKey, List<FigureView>> series, int figures) {
        if (figures <= LABELLED_POINTS) {
            return series.values().stream().flatMap(List::stream).toList();
        }
        return series.values().stream().map(members -> members.get(members.size() - 1)).toList();
    }

    /**
     * A marker per figure at the end of its extent, midnight UTC like the labels: running totals from different
     * bases may end on one day, each true, and each is drawn.
     */
    private static double[][] points(List<FigureView> figures) {
        double[][] values = new double[2][figures.size()];
        for (int i = 0; i < figures.size(); i++) {
            values[0][i] = millis(figures.get(i).extent().end());
            values[1][i] = figures.get(i).value().doubleValue();
        }
        return values;
    }

    /** A bar from the first day of a figure's extent to the end of its last day. */
    private static double[][] extents(List<FigureView> figures) {
        double[][] values = new double[6][figures.size()];
        for (int i = 0; i < figures.size(); i++) {
            FigureView figure = figures.get(i);
            double start = millis(figure.extent().start());
            double end = millis(figure.extent().end().plusDays(1));
            double value = figure.value().doubleValue();
            values[0][i] = (start + end) / 2;
            values[1][i] = start;
            values[2][i] = end;
            values[3][i] = value;
            values[4][i] = value;
            values[5][i] = value;
        }
        return values;
    }

    private static XYBarRenderer barRenderer() {
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setDefaultOutlineStroke(new BasicStroke(1f));
        return bars;
    }

    private static Ellipse2D marker(int points) {
        double size = points <= LARGE_MARKERS ? 9 : 4;
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    private static Color translucent(Color colour) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0x80);
    }

    /** From a year before the earliest day drawn to a year after the last, so that no marker sits on an edge. */
    private static DateAxis timeAxis(List<FigureView> figures) {
        DateAxis time = new DateAxis("Year (as at the date of each recorded figure)", UTC, Locale.ENGLISH);
        time.setStandardTickUnits(yearTicks());
        LocalDate first = figures.stream().map(figure -> figure.extent().start()).min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate last = figures.stream().map(figure -> figure.extent().end()).max(Comparator.naturalOrder())
                .orElseThrow();
        time.setRange(millis(first.minusYears(1)), millis(last.plusYears(1)));
        return time;
    }

    /** Ticks on whole years only: the axis spans two years at least, and a year label on a quarter misleads. */
    private static TickUnits yearTicks() {
        SimpleDateFormat years = new SimpleDateFormat("yyyy", Locale.ENGLISH);
        years.setTimeZone(UTC);
        TickUnits ticks = new TickUnits();
        for (int step : new int[] {1, 2, 5, 10, 20, 50, 100}) {
            ticks.add(new DateTickUnit(DateTickUnitType.YEAR, step, years));
        }
        return ticks;
    }

    private static NumberAxis valueAxis(Set<SeriesKey> keys, List<FigureView> figures) {
        SortedSet<String> units = keys.stream().map(SeriesKey::unit).collect(Collectors.toCollection(TreeSet::new));
        boolean onlyRunningTotals = keys.stream().allMatch(SeriesKey::runningTotal);
        boolean onlyFlows = keys.stream().noneMatch(SeriesKey::runningTotal);
        SortedSet<Integer> baseYears = figures.stream().map(figure -> figure.extent().start().getYear())
                .collect(Collectors.toCollection(TreeSet::new));
        String what = onlyRunningTotals && baseYears.size() == 1 ? "Cumulative total since " + baseYears.first()
                : onlyRunningTotals ? "Cumulative total since each figure's base date"
                : onlyFlows ? "Total over each figure's span" : "Value as recorded";
        NumberAxis values = new NumberAxis(what + " (" + String.join(", ", units) + ")");
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));
        double highest = figures.stream().mapToDouble(figure -> figure.value().doubleValue()).max().orElse(1);
        double lowest = figures.stream().mapToDouble(figure -> figure.value().doubleValue()).min().orElse(0);
        // A quarter more than the highest value leaves room for the labels above the highest marker.
        values.setRange(Math.min(0, lowest * 1.25), Math.max(1, highest * 1.25));
        return values;
    }

    /** A dashed line at a base date, its label opening towards the middle like the values' labels. */
    private static ValueMarker baseMarker(LocalDate base, double middle) {
        ValueMarker marker = new ValueMarker(millis(base), Color.GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        marker.setLabel("counting since " + base.getYear());
        marker.setLabelFont(LABEL);
        boolean opensRight = millis(base) < middle;
        marker.setLabelAnchor(opensRight ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(opensRight ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        return marker;
    }

    /**
     * The value as stated, at its marker or above the middle of its bar, opening towards the middle of the
     * time axis: a label of a figure in the first half runs right, one in the second half runs left.
     */
    private static XYTextAnnotation label(FigureView figure, XYPlot plot) {
        double x = runningTotal(figure) ? millis(figure.extent().end())
                : (millis(figure.extent().start()) + millis(figure.extent().end().plusDays(1))) / 2;
        String text = figure.stated() + (runningTotal(figure) ? " by " + monthAndYear(figure.extent().end())
                : " " + span(figure));
        XYTextAnnotation annotation = new XYTextAnnotation(text, x, figure.value().doubleValue());
        annotation.setFont(LABEL);
        double middle = plot.getDomainAxis().getRange().getCentralValue();
        annotation.setTextAnchor(x < middle ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
        return annotation;
    }

    private static String span(FigureView figure) {
        if (figure.extent().precision() == DatePrecision.RANGE) {
            return "from " + monthAndYear(figure.extent().start()) + " to " + monthAndYear(figure.extent().end());
        }
        if (figure.extent().precision() == DatePrecision.UNSTATED) {
            return "(date not stated)";
        }
        return "in " + figure.extent().describe();
    }

    private static String monthAndYear(LocalDate day) {
        return day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day.getYear();
    }

    /** Every figure of a short series; the first and last of a long one, with how many there are. */
    private static String figureList(List<FigureView> figures) {
        List<String> ids = figures.stream().map(FigureView::figureId).toList();
        if (ids.size() <= LISTED_FIGURES) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, LISTED_FIGURES - 1)) + " … " + ids.get(ids.size() - 1)
                + " (" + ids.size() + " figures)";
    }

    private static double millis(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()).getTime();
    }

    /** A series: the figures of one side in one unit, drawn one way; ordered running totals first, then by side. */
    private record SeriesKey(boolean runningTotal, Side side, String unit) implements Comparable<SeriesKey> {

        private static final Comparator<SeriesKey> ORDER = Comparator.comparing((SeriesKey key) -> !key.runningTotal)
                .thenComparing(SeriesKey::side).thenComparing(SeriesKey::unit);

        static SeriesKey of(FigureView figure) {
            return new SeriesKey(TrendChart.runningTotal(figure), figure.side(), figure.unit());
        }

        String name() {
            return (side == Side.JOINT ? "Both sides jointly" : side.label() + " side") + ", " + unit
                    + (runningTotal ? ": running total" : ": over each span");
        }

        Color colour() {
            return SIDE_COLOURS[side.ordinal() % SIDE_COLOURS.length];
        }

        @Override
        public int compareTo(SeriesKey other) {
            return ORDER.compare(this, other);
        }
    }
}
