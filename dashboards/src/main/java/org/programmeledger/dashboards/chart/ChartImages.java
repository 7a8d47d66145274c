package org.programmeledger.dashboards.chart;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Renders charts at one fixed size, as PNG or SVG, the same bytes for the same chart. */
public final class ChartImages {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    private ChartImages() {
    }

    public static byte[] png(JFreeChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SVG with a fixed prefix for its definitions: the library's default prefix is taken from the clock. */
    public static byte[] svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        graphics.setDefsKeyPrefix("chart");
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        return graphics.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }
}
