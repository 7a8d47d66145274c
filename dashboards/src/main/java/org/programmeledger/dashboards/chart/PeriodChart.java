package org.programmeledger.dashboards.chart;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.ItemView;
import org.programmeledger.dashboards.views.PeriodView;

/**
 * The bar charts drawn for a plan period from its figures. Each names the metrics it compares, so that
 * a chart shows only figures that the ledger holds for them.
 */
public enum PeriodChart {

    /** One metric compared across the items that report it. */
    PARTICIPANTS("participants", "Participants in co-operation events, by item") {
        @Override
        JFreeChart draw(PeriodView period, Map<Integer, String> itemTitles, List<FigureView> figures,
                        FigureCharts.Wholes wholes, long position) {
            return FigureCharts.metricAcrossItems(title(), "participants", period, itemTitles, figures, wholes,
                    position);
        }
    },
    /** The contest of item 3 (the seed report gives its valid applications and finalist awards for each year). */
    CONTEST("contest-applications-awards",
            "High-value Patent Portfolio contests (item 3): valid applications against finalist awards, by year") {
        @Override
        JFreeChart draw(PeriodView period, Map<Integer, String> itemTitles, List<FigureView> figures,
                        FigureCharts.Wholes wholes, long position) {
            return FigureCharts.metricsByYear(title(), 3, List.of("valid-applications", "finalist-awards"), period,
                    figures, wholes, position);
        }
    },
    /** How many figures each item reports, stacked by the side they count for. */
    FIGURES_BY_SIDE("figures-by-side", "Figures recorded per item, by side") {
        @Override
        JFreeChart draw(PeriodView period, Map<Integer, String> itemTitles, List<FigureView> figures,
                        FigureCharts.Wholes wholes, long position) {
            return FigureCharts.figuresPerItemBySide(title(), period, itemTitles, figures, position);
        }
    };

    private final String chartName;
    private final String title;

    PeriodChart(String chartName, String title) {
        this.chartName = chartName;
        this.title = title;
    }

    public String chartName() {
        return chartName;
    }

    public String title() {
        return title;
    }

    /** The file name of the chart of a period, without extension: {@code participants-<period>}. */
    public String fileStem(String periodId) {
        return chartName + "-" + periodId;
    }

    public static Optional<PeriodChart> named(String name) {
        return Arrays.stream(values()).filter(chart -> chart.chartName.equals(name)).findFirst();
    }

    /** @param wholes what every figure of the period, retracted too, is part of */
    abstract JFreeChart draw(PeriodView period, Map<Integer, String> itemTitles, List<FigureView> figures,
                             FigureCharts.Wholes wholes, long position);

    /**
     * Draws the chart from the figures that still stand (retracted ones are left out), naming each item by its
     * number and title.
     */
    public JFreeChart drawFrom(PeriodView period, List<ItemView> items, List<FigureView> figures, long position) {
        Map<Integer, String> titles = new HashMap<>();
        items.forEach(item -> titles.put(item.number(), item.title()));
        return draw(period, titles, figures.stream().filter(figure -> !figure.retracted()).toList(),
                new FigureCharts.Wholes(figures), position);
    }

    /** Draws the chart with items by number alone ("Item 2"), as for figures whose items are not at hand. */
    public JFreeChart drawFrom(PeriodView period, List<FigureView> figures, long position) {
        return drawFrom(period, List.of(), figures, position);
    }
}
