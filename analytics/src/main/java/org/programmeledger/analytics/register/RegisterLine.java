package org.programmeledger.analytics.register;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.programmeledger.analytics.reads.ReportingPeriod;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.Side;

/**
 * One line of the activity register: an activity with one of its figures, or with none ({@code figure}
 * null) when no figure is recorded for it. An unstated date is shown as unstated, with the bounds of
 * its plan period it was placed within.
 */
record RegisterLine(ReportingPeriod period, boolean spanning, String planPeriod, int item, String activityId,
                    ActivityKind kind, ActivityMode mode, String title, String organisers, String supporters,
                    Extent date, Figure figure) {

    /**
     * @param value null for a disputed figure: no one value stands, as in the period summary
     * @param qualifier the value's, or {@code disputed}
     * @param statedAs the value as a reader would say it: its bound, or every value of a dispute
     */
    record Figure(String figureId, String metric, BigDecimal value, String qualifier, String statedAs,
                  String unit, Side side, Basis basis, Extent extent) {
    }

    static final List<String> HEADER = List.of("period", "period_start", "period_end", "placement", "plan_period",
            "item", "activity_id", "kind", "mode", "title", "organisers", "supporters", "date", "date_precision",
            "date_start", "date_end", "figure_id", "metric", "value", "qualifier", "stated_as", "unit", "side",
            "basis", "figure_extent");

    List<Object> cells() {
        List<Object> activity = List.of(period.name(), period.from(), period.to(), spanning ? "spanning" : "within",
                planPeriod, item, activityId, kind.code(), mode.code(), title, organisers, supporters, date.text(),
                date.precision().name().toLowerCase(Locale.ROOT), date.start(), date.end());
        List<Object> figureCells = figure == null ? List.of("", "", "", "", "", "", "", "", "")
                : List.of(figure.figureId(), figure.metric(), figure.value() == null ? ""
                : figure.value().toPlainString(), figure.qualifier(),
                figure.statedAs(), figure.unit(), figure.side().code(), figure.basis().code(),
                figure.extent().text());
        return Stream.concat(activity.stream(), figureCells.stream()).toList();
    }
}
