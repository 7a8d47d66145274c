package org.programmeledger.dashboards.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.programmeledger.analytics.output.Provenance;
import org.programmeledger.analytics.trend.TrendPoint;
import org.programmeledger.analytics.trend.TrendSeries;
import org.programmeledger.ledger.api.Qualifier;

/**
 * Draws a cumulative series as recorded: a marker at the base date where counting started, each
 * recorded point labelled with its value as stated (qualifier included), lines only between recorded
 * points, and a subtitle that says how many points there are, since nothing is interpolated. A long
 * series would bury the plot under its labels, markers and figure list, so beyond a few points only
 * the last is labelled, markers are left out, and the source line names the first and last figures.
 */
public final class CumulativeTrendChart {

    private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color LINE = new Color(0x1f, 0x5f, 0x8b);
    /** At most this many labels fit side by side on the plot; with more points, only the last is labelled. */
    static final int LABELLED_POINTS = 20;
    /** Beyond this many points the markers run together into a thick line. */
    static final int MARKED_POINTS = 200;
    /** The source line lists this many figures at most: all of them took the whole chart at 1 000 points. */
    static final int LISTED_FIGURES = 10;

    private CumulativeTrendChart() {
    }

    public static JFreeChart draw(TrendChartDefinition definition, TrendSeries series) {
        if (series.points().isEmpty()) {
            throw new IllegalStateException("the ledger holds no cumulative figures of " + series.metric()
                    + " to draw " + definition.name() + " from");
        }
        String unit = series.unit().orElseThrow();
        // One value a day, the last recorded for it, at midnight UTC like the labels and the base marker. Plain
        // arrays, not a TimeSeries: a Day per point pegs itself with a Calendar, 70 ms at 100 000 points.
        SortedMap<LocalDate, Double> byDay = new TreeMap<>();
        series.points().forEach(point -> byDay.put(point.asAt(), point.value().doubleValue()));
        double[][] values = new double[2][byDay.size()];
        int i = 0;
        for (Map.Entry<LocalDate, Double> day : byDay.entrySet()) {
            values[0][i] = millis(day.getKey());
            values[1][i++] = day.getValue();
        }
        DefaultXYDataset dataset = new DefaultXYDataset();
        dataset.addSeries(definition.title(), values);

        DateAxis time = new DateAxis("Year (as at the date of each recorded figure)", UTC, Locale.ENGLISH);
        SimpleDateFormat years = new SimpleDateFormat("yyyy", Locale.ENGLISH);
        years.setTimeZone(UTC);
        time.setDateFormatOverride(years);
        LocalDate base = series.base().orElseThrow();
        LocalDate last = series.points().get(series.points().size() - 1).asAt();
        time.setRange(millis(base.minusYears(1)), millis(last.plusYears(1)));

        NumberAxis count = new NumberAxis("Cumulative total since " + base.getYear() + " (" + unit + ")");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));
        double highest = series.points().stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(1);
        count.setRange(0, Math.max(1, highest * 1.25));

        List<TrendPoint> points = series.points();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, points.size() <= MARKED_POINTS);
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        // One path, not a line per pair of points: fewer draw calls and clean joins between segments.
        renderer.setDrawSeriesLineAsPath(true);
        XYPlot plot = new XYPlot(dataset, time, count, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.addDomainMarker(baseMarker(base), Layer.BACKGROUND);
        (points.size() <= LABELLED_POINTS ? points : points.subList(points.size() - 1, points.size()))
                .forEach(point -> plot.addAnnotation(label(point)));

        JFreeChart chart = new JFreeChart(definition.title(), new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(sideAndCount(series), LABEL));
        TextTitle source = new TextTitle(Provenance.sourceLine(series.position().position()) + "; figures "
                + figureList(points), LABEL);
        source.setPosition(RectangleEdge.BOTTOM);
        source.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        chart.addSubtitle(source);
        return chart;
    }

    private static String sideAndCount(TrendSeries series) {
        int n = series.points().size();
        String side = series.side() == null ? "all sides" : "the " + series.side().label() + " side";
        return "Figures of " + side + "; " + n + " recorded point" + (n == 1 ? "" : "s")
                + (n < 3 ? ", too few for a trend: nothing is interpolated" : ", joined as recorded, not interpolated")
                + (n <= LABELLED_POINTS ? "" : "; the last labelled with its value as stated" + qualified(series));
    }

    /** How many unlabelled points are not exact, so that the reader knows the line holds bounds or estimates. */
    private static String qualified(TrendSeries series) {
        long inexact = series.points().stream().filter(point -> point.qualifier() != Qualifier.EXACTLY).count();
        return inexact == 0 ? "" : "; " + inexact + " of the points are approximate or lower bounds";
    }

    /** Every figure of a short series; the first and last of a long one, with how many there are. */
    private static String figureList(List<TrendPoint> points) {
        List<String> ids = points.stream().map(TrendPoint::figureId).toList();
        if (ids.size() <= LISTED_FIGURES) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, LISTED_FIGURES - 1)) + " … " + ids.get(ids.size() - 1)
                + " (" + ids.size() + " figures)";
    }

    private static ValueMarker baseMarker(LocalDate base) {
        ValueMarker marker = new ValueMarker(millis(base), Color.GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        marker.setLabel("counting since " + base.getYear());
        marker.setLabelFont(LABEL);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    private static XYTextAnnotation label(TrendPoint point) {
        String text = point.qualifier().phrase(point.value()) + " " + point.unit() + " by "
                + point.asAt().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + point.asAt().getYear();
        XYTextAnnotation annotation = new XYTextAnnotation(text, millis(point.asAt()), point.value().doubleValue());
        annotation.setFont(LABEL);
        annotation.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return annotation;
    }

    private static double millis(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()).getTime();
    }
}
