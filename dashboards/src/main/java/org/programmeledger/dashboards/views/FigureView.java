package org.programmeledger.dashboards.views;

import java.math.BigDecimal;
import java.util.List;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureScope;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;

/**
 * A figure as it stands now: a correction replaces the value and is marked, an adopted value replaces a
 * disputed one.
 *
 * @param itemNumber 0 for a fact of the plan period itself ({@link FigureScope#PERIOD}), of no item
 * @param valueHigh the high end of a {@code between}; null otherwise
 * @param aggregation how the metric's figures may be combined, from the catalogue
 * @param partOf the figure of the same plan period that already includes this one; null when none
 * @param disputed sources disagree on the value and none was adopted yet
 * @param source where the figure comes from; {@link FigureSource#NONE} when the record names none
 * @param dateLabel how the source dates an undated or partly dated fact ("the 14th meeting"); null when none
 * @param values every value sources give, in the order recorded, when there is more than one (disputed or
 *     adopted); empty otherwise
 */
public record FigureView(String figureId, int itemNumber, String activityId, String metric, BigDecimal value,
                         String unit, Qualifier qualifier, Side side, Extent extent, String basis, boolean corrected,
                         boolean retracted, BigDecimal valueHigh, Aggregation aggregation, String partOf,
                         boolean disputed, FigureScope scope, FigureSource source, String dateLabel,
                         List<FigureValue> values) {

    public FigureView {
        values = List.copyOf(values);
    }

    /** A figure of an item with one value and no source, aggregating as its basis says (seed-like figures). */
    public FigureView(String figureId, int itemNumber, String activityId, String metric, BigDecimal value,
                      String unit, Qualifier qualifier, Side side, Extent extent, String basis, boolean corrected,
                      boolean retracted) {
        this(figureId, itemNumber, activityId, metric, value, unit, qualifier, side, extent, basis, corrected,
                retracted, null, Aggregation.of(Basis.valueOf(basis)), null, false, FigureScope.ITEM,
                FigureSource.NONE, null, List.of());
    }

    /** The value as a reader would say it, with its qualifier and unit: "more than 250 persons". */
    public String stated() {
        return bound().phrase() + " " + unit;
    }

    /**
     * The figure as the dashboard says it: its value with qualifier and unit, or, while its sources disagree and
     * none was adopted, every value they give ("disputed: 902 or 1090 applications").
     */
    public String said() {
        List<Bound> disputedValues = disputedValues();
        return disputedValues.isEmpty() ? stated() : "disputed: " + disputedValues.stream().map(Bound::phrase)
                .collect(java.util.stream.Collectors.joining(" or ")) + " " + unit;
    }

    /** The value as a value of the unit: "between 300 and 400 applications". */
    public String stated(Bound bound) {
        return bound.phrase() + " " + unit;
    }

    /** What the value says about the true number: a lower edge, an upper edge, a range. */
    public Bound bound() {
        return Bound.stated(qualifier.name(), value, valueHigh);
    }

    /** The metric as words: "valid applications". */
    public String metricLabel() {
        return metric.replace('-', ' ');
    }

    public boolean cumulative() {
        return aggregation == Aggregation.CUMULATIVE;
    }

    /** The same figure with every value its sources give. */
    FigureView withValues(List<FigureValue> all) {
        return new FigureView(figureId, itemNumber, activityId, metric, value, unit, qualifier, side, extent, basis,
                corrected, retracted, valueHigh, aggregation, partOf, disputed, scope, source, dateLabel, all);
    }

    /** The values of a dispute none was adopted for; empty when the figure has one value or one was adopted. */
    public List<Bound> disputedValues() {
        return disputed ? values.stream().map(FigureValue::bound).toList() : List.of();
    }

    /** The value adopted among several, with the reason; none when there is one value or no adoption yet. */
    public java.util.Optional<FigureValue> adopted() {
        return values.stream().filter(FigureValue::adopted).findFirst();
    }

    /** A fact of an item, not of the plan period itself. */
    public boolean ofAnItem() {
        return scope == FigureScope.ITEM;
    }
}
