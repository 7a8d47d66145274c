package org.programmeledger.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartImagesPngTest {

    @Test
    void writesAPngThatDecodesToTheSamePixels() throws IOException {
        BufferedImage image = new BufferedImage(301, 97, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 301, 97);
        graphics.setColor(new Color(0x1f, 0x5f, 0x8b));
        graphics.fillOval(10, 5, 120, 80);
        graphics.setColor(new Color(0xd9, 0x7b, 0x29));
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        graphics.drawString("more than 250 persons", 100, 60);
        graphics.dispose();

        byte[] png = ChartImages.png(image);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isEqualTo(301);
        assertThat(decoded.getHeight()).isEqualTo(97);
        for (int y = 0; y < 97; y++) {
            for (int x = 0; x < 301; x++) {
                assertThat(decoded.getRGB(x, y)).as("pixel %d, %d", x, y).isEqualTo(image.getRGB(x, y));
            }
        }
        assertThat(ChartImages.png(image)).isEqualTo(png);
    }

    @Test
    void refusesAnImageWithTransparency() {
        assertThatThrownBy(() -> ChartImages.png(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
