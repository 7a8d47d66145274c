package org.programmeledger.dashboards.chart;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Renders charts at one fixed size, as PNG or SVG, the same bytes for the same chart. */
public final class ChartImages {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    private ChartImages() {
    }

    /**
     * An opaque PNG: the charts paint a white background, so an RGB image carries everything an ARGB one
     * would, with a quarter less to compress. No rendering info: nothing uses an image map.
     */
    public static byte[] png(JFreeChart chart) {
        return PngEncoder.encode(chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null));
    }

    /** SVG with a fixed prefix for its definitions: the library's default prefix is taken from the clock. */
    public static byte[] svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        graphics.setDefsKeyPrefix("chart");
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        return graphics.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }
}
