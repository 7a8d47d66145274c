package org.programmeledger.dashboards.chart;

import java.util.List;
import java.util.Optional;
import org.programmeledger.ledger.api.Side;

/**
 * A trend chart the product draws: which cumulative metric, for which side, under which title.
 *
 * @param side the side the figures count for, or null for all sides
 */
public record TrendChartDefinition(String name, String metric, Side side, String title) {

    /** Hong Kong residents who passed the patent attorney examination, counted since 2004 (seed item 15). */
    public static final TrendChartDefinition EXAM_PASSES = new TrendChartDefinition("exam-passes",
            "residents-passed-examination", Side.HONG_KONG,
            "Hong Kong residents who passed the Qualification Examination for Patent Attorneys");

    private static final List<TrendChartDefinition> ALL = List.of(EXAM_PASSES);

    public static Optional<TrendChartDefinition> named(String name) {
        return ALL.stream().filter(chart -> chart.name.equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(TrendChartDefinition::name).toList();
    }

    public String fileName() {
        return name + ".png";
    }
}
