package org.programmeledger.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.ItemView;
import org.programmeledger.dashboards.views.PeriodView;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/** The period's bar charts, drawn from figures as the seed report states them. */
class PeriodChartTest {

    private static final PeriodView PERIOD = new PeriodView("gdhk-ipr-2020-mid-2022",
            "Guangdong/Hong Kong Expert Group", "2020 - mid-2022", LocalDate.of(2020, 1, 1), LocalDate.of(2022, 6, 30), "DRAFT", null, null,
            false);

    private static final List<FigureView> FIGURES = List.of(
            figure("2.1.1", 2, "participants", "250", "persons", Qualifier.MORE_THAN, Side.JOINT, Extent.parse("2020-12")),
            figure("3.1.1", 3, "valid-applications", "658", "applications", Qualifier.EXACTLY, Side.JOINT,
                    Extent.parse("2020")),
            figure("3.1.2", 3, "finalist-awards", "38", "awards", Qualifier.EXACTLY, Side.JOINT, Extent.parse("2020")),
            figure("3.2.1", 3, "valid-applications", "1090", "applications", Qualifier.EXACTLY, Side.JOINT,
                    Extent.parse("2021")),
            figure("3.2.2", 3, "finalist-awards", "35", "awards", Qualifier.EXACTLY, Side.JOINT, Extent.parse("2021")),
            figure("6.1.2", 6, "infringing-items-seized", "6980000", "items", Qualifier.MORE_THAN, Side.GUANGDONG,
                    Extent.parse("2020-01/2022-06")),
            figure("6.1.3", 6, "cases-detected", "153", "cases", Qualifier.EXACTLY, Side.HONG_KONG,
                    Extent.parse("2020-01/2022-06")),
            figure("11.0.1", 11, "participants", "470", "persons", Qualifier.ABOUT, Side.JOINT, Extent.parse("2020/2021")),
            figure("13.1.1", 13, "participants", "400", "persons", Qualifier.MORE_THAN, Side.JOINT,
                    Extent.parse("2021-09")));

    private static FigureView figure(String id, int item, String metric, String value, String unit, Qualifier qualifier,
                                     Side side, Extent extent) {
        return new FigureView(id, item, null, metric, new BigDecimal(value), unit, qualifier, side, extent, "FLOW",
                false, false);
    }

    @ParameterizedTest
    @EnumSource(PeriodChart.class)
    void drawsADecodablePngOfTheFixedSizeWithTheSameBytesForTheSameFigures(PeriodChart chart) throws IOException {
        byte[] png = ChartImages.png(chart.drawFrom(PERIOD, FIGURES, 119));
        byte[] again = ChartImages.png(chart.drawFrom(PERIOD, List.copyOf(FIGURES), 119));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(again).isEqualTo(png);
        Files.createDirectories(Path.of("target/charts"));
        Files.write(Path.of("target/charts", chart.fileStem(PERIOD.periodId()) + ".png"), png);
    }

    @ParameterizedTest
    @EnumSource(PeriodChart.class)
    void drawsTheSameSvgForTheSameFiguresNamingTheLedgerPosition(PeriodChart chart) {
        byte[] svg = ChartImages.svg(chart.drawFrom(PERIOD, FIGURES, 119));

        assertThat(ChartImages.svg(chart.drawFrom(PERIOD, FIGURES, 119))).isEqualTo(svg);
        assertThat(new String(svg, StandardCharsets.UTF_8)).startsWith("<?xml")
                .contains("Source: Programme Ledger, events up to ledger position 119");
    }

    @Test
    void labelsEachBarWithItsQualifierAndLeavesOutOtherMetrics() {
        String svg = new String(ChartImages.svg(PeriodChart.PARTICIPANTS.drawFrom(PERIOD, FIGURES, 119)),
                StandardCharsets.UTF_8);

        assertThat(svg).contains("more than 250", "about 470", "more than 400", "Item 13")
                .doesNotContain("6980000");
    }

    @Test
    void namesEachItemByItsNumberAndTheStartOfItsTitle() {
        List<ItemView> items = List.of(item(2, "Continuing to reinforce IP talent nurturing in Guangdong, Hong Kong "
                + "and Macao"), item(11, "Seminars"), item(13, "IP Protection Exchange"));

        CategoryDataset bars = PeriodChart.PARTICIPANTS.drawFrom(PERIOD, items, FIGURES, 119).getCategoryPlot()
                .getDataset();
        CategoryDataset counts = PeriodChart.FIGURES_BY_SIDE.drawFrom(PERIOD, items, FIGURES, 119).getCategoryPlot()
                .getDataset();

        assertThat(bars.getColumnKeys()).containsExactly("2. Continuing to reinforce\u2026", "11. Seminars",
                "13. IP Protection Exchange");
        assertThat(counts.getColumnKeys()).contains("2. Continuing to reinforce\u2026", "Item 3", "Item 6");
    }

    private static ItemView item(int number, String title) {
        return new ItemView(PERIOD.periodId(), number, title, "area", false, "COMPLETED", List.of(), List.of());
    }

    @Test
    void comparesTheContestsApplicationsWithItsAwardsByYear() {
        String svg = new String(ChartImages.svg(PeriodChart.CONTEST.drawFrom(PERIOD, FIGURES, 119)),
                StandardCharsets.UTF_8);

        assertThat(svg).contains(">658<", ">38<", ">1090<", ">35<", ">2020<", ">2021<",
                "Valid applications (applications)", "Finalist awards (awards)");
    }

    @Test
    void stacksTheFiguresOfEachItemBySide() {
        String svg = new String(ChartImages.svg(PeriodChart.FIGURES_BY_SIDE.drawFrom(PERIOD, FIGURES, 119)),
                StandardCharsets.UTF_8);

        assertThat(svg).contains("Guangdong", "Hong Kong", "Joint", "9 figures in 2020 - mid-2022");
    }

    @Test
    void groupsConsecutiveItemsIntoBarsWhenThereAreTooManyToLabelAndKeepsEveryFigure() {
        List<FigureView> many = IntStream.rangeClosed(1, 100).mapToObj(item -> figure("f" + item, item, "participants",
                "1", "persons", Qualifier.EXACTLY, item % 2 == 0 ? Side.JOINT : Side.MACAO, Extent.parse("2021")))
                .toList();

        JFreeChart chart = PeriodChart.FIGURES_BY_SIDE.drawFrom(PERIOD, many, 119);

        CategoryDataset bars = chart.getCategoryPlot().getDataset();
        assertThat(bars.getColumnCount()).isLessThanOrEqualTo(40);
        assertThat(bars.getColumnKeys()).startsWith("Items 1-3", "Items 4-6").endsWith("Items 97-99", "Item 100");
        double total = 0;
        for (int row = 0; row < bars.getRowCount(); row++) {
            for (int column = 0; column < bars.getColumnCount(); column++) {
                Number count = bars.getValue(row, column);
                total += count == null ? 0 : count.doubleValue();
            }
        }
        assertThat(total).isEqualTo(100);
        assertThat(new String(ChartImages.svg(chart), StandardCharsets.UTF_8))
                .contains("100 figures in 2020 - mid-2022; each figure counts once, whatever its value; 100 items,"
                        + " up to 3 to a bar");
    }

    @Test
    void leavesRetractedFiguresOut() {
        FigureView retracted = new FigureView("13.1.1", 13, "13.1", "participants", new BigDecimal("400"), "persons",
                Qualifier.MORE_THAN, Side.JOINT, Extent.parse("2021-09"), "FLOW", false, true);

        String svg = new String(ChartImages.svg(PeriodChart.PARTICIPANTS.drawFrom(PERIOD, List.of(FIGURES.get(0),
                retracted), 119)), StandardCharsets.UTF_8);

        assertThat(svg).contains("more than 250").doesNotContain("more than 400", "Item 13");
    }
}
