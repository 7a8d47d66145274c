package org.programmeledger.dashboards.report;

import java.util.List;
import java.util.stream.Stream;
import org.programmeledger.analytics.aggregation.StatedValues;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.ItemView;

/** An item of the report: its activities as sentences, each with its figures, then the item's own figures. */
record ReportItem(ItemView item, List<ReportActivity> activities, List<String> itemFigures) {

    /** An activity told as a sentence, followed by its figures as stated. */
    record ReportActivity(String sentence, List<String> figures) {
    }

    /**
     * "Participants: more than 250 persons.", with the side and time where they add something; corrections
     * marked; a figure whose sources disagree with every value, and one inside another with the figure it is
     * part of, so that a reader adds nothing twice.
     */
    static String figure(FigureView figure, StatedValues.Stated stated, boolean withExtent) {
        String metric = figure.metricLabel();
        StringBuilder text = new StringBuilder(Character.toUpperCase(metric.charAt(0)) + metric.substring(1))
                .append(": ").append(stated.phrase(figure.unit()));
        String side = figure.side().name().equals("JOINT") ? "" : figure.side().label() + " side";
        String when = withExtent ? figure.extent().describe() + (figure.cumulative() ? ", cumulative" : "") : "";
        String disputed = stated.disputedValues().isEmpty() ? "" : "sources disagree, none adopted";
        String partOf = stated.partOf() == null ? "" : "included in figure " + stated.partOf();
        String details = String.join("; ", Stream.of(side, when, disputed, partOf).filter(s -> !s.isEmpty())
                .toList());
        if (!details.isEmpty()) {
            text.append(" (").append(details).append(")");
        }
        if (figure.corrected()) {
            text.append(" [corrected]");
        }
        return text.append('.').toString();
    }
}
