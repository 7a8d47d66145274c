package org.programmeledger.dashboards.chart;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import com.pngencoder.PngEncoder;
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
     * would, with a quarter less to compress. No rendering info: nothing uses an image map. Rows unfiltered at
     * deflate level 1: a chart is mostly flat areas, which pack about as small without a filter, and ImageIO's
     * writer, which filters every row, took 2.6 times as long (BENCHMARKS.md, round 7). One thread: a job's
     * charts are rendered one after another, and the server's other work needs the cores more.
     */
    public static byte[] png(JFreeChart chart) {
        return png(chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null));
    }

    static byte[] png(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expected an RGB image, got type " + image.getType());
        }
        return new PngEncoder().withBufferedImage(image).withCompressionLevel(Deflater.BEST_SPEED)
                .withPredictorEncoding(false).withMultiThreadedCompressionEnabled(false).toBytes();
    }

    /** SVG with a fixed prefix for its definitions: the library's default prefix is taken from the clock. */
    public static byte[] svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        graphics.setDefsKeyPrefix("chart");
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        return graphics.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }
}
