package org.programmeledger.benchmarks.micro;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.JFreeChart;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.programmeledger.dashboards.chart.ChartImages;
import org.programmeledger.dashboards.chart.PeriodChart;
import org.programmeledger.dashboards.chart.TrendChart;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.PeriodView;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/**
 * W4: the product's charts drawn from scratch (dataset, plot and rendering, as a job or the dashboard does)
 * and encoded at the product's size, 1000 × 600: the trend chart with {@code points} recorded running totals
 * (markers), and the stacked bar chart of figures by side with {@code points} figures (one per item and side).
 * The baseline draws the same number of points as one polyline with plain Graphics2D into a BufferedImage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChartBenchmark {

    private static final Side[] SIDES = Side.values();

    @Param({"10", "1000", "100000"})
    public int points;

    private List<FigureView> trend;
    private List<FigureView> figures;
    private PeriodView period;
    private double[] xs;
    private double[] ys;

    @Setup
    public void data() {
        // JFreeChart's time axis takes days from 1900 on, and the chart starts a year before the base date;
        // 100 000 daily points from 1950 reach 2223.
        LocalDate base = LocalDate.of(1950, 1, 1);
        trend = new ArrayList<>();
        figures = new ArrayList<>();
        xs = new double[points];
        ys = new double[points];
        for (int i = 0; i < points; i++) {
            BigDecimal value = BigDecimal.valueOf(10L * i + i % 7);
            trend.add(new FigureView("f" + i, 15, null, "residents-passed-examination", value, "persons",
                    Qualifier.values()[i % 4], Side.HONG_KONG, Extent.range(base, base.plusDays(i + 1L)), "CUMULATIVE",
                    false, false));
            figures.add(new FigureView("f" + i, 1 + i / SIDES.length, null, "participants", value, "persons",
                    Qualifier.EXACTLY, SIDES[i % SIDES.length], Extent.year(2021), "FLOW", false, false));
            xs[i] = i;
            ys[i] = value.doubleValue();
        }
        period = new PeriodView("bench-period", "Benchmark programme", "2020 - 2022", LocalDate.of(2020, 1, 1),
                LocalDate.of(2022, 12, 31), "DRAFT", null, null, false);
    }

    @Benchmark
    public byte[] trendChartPng() {
        return ChartImages.png(trend());
    }

    @Benchmark
    public byte[] trendChartSvg() {
        return ChartImages.svg(trend());
    }

    @Benchmark
    public byte[] stackedBarChartPng() {
        return ChartImages.png(bars());
    }

    @Benchmark
    public byte[] stackedBarChartSvg() {
        return ChartImages.svg(bars());
    }

    /** The baseline: the same points as one antialiased polyline, scaled into the image, nothing else. */
    @Benchmark
    public BufferedImage polylineBaseline() {
        BufferedImage image = new BufferedImage(ChartImages.WIDTH, ChartImages.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, ChartImages.WIDTH, ChartImages.HEIGHT);
        graphics.setColor(Color.BLUE);
        graphics.setStroke(new BasicStroke(2f));
        double xScale = (ChartImages.WIDTH - 20) / Math.max(1.0, xs[points - 1]);
        double yScale = (ChartImages.HEIGHT - 20) / Math.max(1.0, ys[points - 1]);
        Path2D.Double line = new Path2D.Double();
        line.moveTo(10, ChartImages.HEIGHT - 10 - ys[0] * yScale);
        for (int i = 1; i < points; i++) {
            line.lineTo(10 + xs[i] * xScale, ChartImages.HEIGHT - 10 - ys[i] * yScale);
        }
        graphics.draw(line);
        graphics.dispose();
        return image;
    }

    private JFreeChart trend() {
        return TrendChart.draw("residents-passed-examination", "Residents passed examination", trend, points);
    }

    private JFreeChart bars() {
        return PeriodChart.FIGURES_BY_SIDE.drawFrom(period, figures, points);
    }
}
