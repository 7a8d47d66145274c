package org.programmeledger.dashboards.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.programmeledger.analytics.aggregation.StatedValues;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.dashboards.views.ItemView;
import org.programmeledger.ledger.api.DatePrecision;

/**
 * An item of the report: its line of particulars (area, status, who leads), its activities as sentences, each
 * with its figures, then the item's own figures.
 */
record ReportItem(ItemView item, String particulars, List<ReportActivity> activities, List<String> itemFigures) {

    /** An activity told as a sentence, followed by its figures as stated. */
    record ReportActivity(String sentence, List<String> figures) {
    }

    /** "Area: Talent nurturing. Status: in progress. New in the period. Led by …. With …." (what the views hold). */
    static String particulars(ItemView item, Naming naming) {
        List<String> parts = new ArrayList<>();
        if (item.area() != null && !item.area().isBlank()) {
            parts.add("Area: " + Naming.capitalised(item.area()) + ".");
        }
        parts.add("Status: " + item.statusLabel() + ".");
        if (item.newInPeriod()) {
            parts.add("New in the period.");
        }
        if (!item.leadOrganisations().isEmpty()) {
            parts.add("Led by " + naming.list(item.leadOrganisations()) + ".");
        }
        if (!item.participatingOrganisations().isEmpty()) {
            parts.add("With " + naming.list(item.participatingOrganisations()) + ".");
        }
        return String.join(" ", parts);
    }

    /**
     * "Infringing items seized: more than 6.98 million items (Guangdong side).": the metric's label, the value
     * as its source states it, with the side and time where they add something; corrections marked; a figure
     * whose sources disagree with every value, and one inside another with the figure it is part of, so that a
     * reader adds nothing twice.
     */
    static String figure(FigureView figure, StatedValues.Stated stated, boolean withExtent, Naming naming) {
        StringBuilder text = new StringBuilder(naming.metric(figure.metric())).append(": ")
                .append(asStated(figure, stated)).append(' ').append(figure.unit());
        String side = figure.side().name().equals("JOINT") ? "" : figure.side().label() + " side";
        String when = when(figure, withExtent);
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

    /**
     * The figure's time as the report says it: its extent ("December 2020") unless its activity's date says it
     * already, and how its source places it ("by mid-2022", "the 14th meeting"), in place of an unstated extent.
     */
    private static String when(FigureView figure, boolean withExtent) {
        String label = figure.dateLabel() == null ? "" : figure.dateLabel().strip();
        String extent = !withExtent || figure.extent().precision() == DatePrecision.UNSTATED && !label.isEmpty() ? ""
                : figure.extent().describe();
        return String.join(", ", Stream.of(extent, label, figure.cumulative() && withExtent ? "cumulative" : "")
                .filter(part -> !part.isEmpty()).toList());
    }

    /** The stated bound ("more than 6980000"), its number written as the quoted source writes it when it does. */
    private static String asStated(FigureView figure, StatedValues.Stated stated) {
        String phrase = stated.phrase();
        BigDecimal value = figure.value();
        if (!stated.disputedValues().isEmpty() || stated.bound().high() != null || value == null
                || !phrase.endsWith(value.toPlainString())) {
            return phrase;
        }
        return StatedNumber.in(figure.source() == null ? null : figure.source().text(), value)
                .map(number -> phrase.substring(0, phrase.length() - value.toPlainString().length()) + number)
                .orElse(phrase);
    }
}
