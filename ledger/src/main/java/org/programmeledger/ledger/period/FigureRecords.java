package org.programmeledger.ledger.period;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.AlternativeValueRecorded;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.ValueAdopted;
import org.programmeledger.ledger.figure.FigureDisputes;
import org.programmeledger.ledger.rules.Rules;

/** The figures recorded in a plan period: as recorded, their values as last corrected, and other sources' values. */
class FigureRecords {

    /**
     * What the rules need of a figure's recording: where it belongs, what it counts (for a part of it) and its value
     * as recorded, and its fingerprint, for a re-send. The metric and the unit are the catalogue's few words, shared.
     */
    record Recording(Integer itemNumber, String activityId, String metric, String unit, BigDecimal value,
                     BigDecimal valueHigh, Qualifier qualifier, Aggregation aggregation, Fingerprint fingerprint) {

        Recording {
            metric = metric == null ? null : metric.intern();
            unit = unit == null ? null : unit.intern();
        }

        static Recording of(FigureRecorded event) {
            return new Recording(event.itemNumber(), event.activityId(), event.metric(), event.unit(), event.value(),
                    event.valueHigh(), event.qualifier(), event.aggregation(), Fingerprint.of(event));
        }

        boolean isOf(FigureRecorded event) {
            return fingerprint.equals(Fingerprint.of(event));
        }
    }

    private final Map<String, Recording> recorded = new HashMap<>();
    private final Map<String, FigureDisputes.Value> correctedValues = new HashMap<>();
    private final FigureDisputes disputes = new FigureDisputes();

    /** The figure as recorded, or null when it is not. */
    Recording recorded(String figureId) {
        return recorded.get(figureId);
    }

    /** A figure that takes corrections and other values: recorded, and not of a retracted activity. */
    Recording requireLive(String figureId, String periodId, ActivityRecords activities) {
        Recording figure = recorded.get(figureId);
        Rules.require(figure != null, "figure " + figureId + " is not recorded in plan period " + periodId);
        Rules.require(figure.activityId() == null || !activities.isRetracted(figure.activityId()),
                "figure " + figureId + " belongs to retracted activity " + figure.activityId());
        return figure;
    }

    /** The recorded figure's value as it reads now: as recorded, or as last corrected. */
    FigureDisputes.Value currentValue(String figureId, Recording figure) {
        FigureDisputes.Value corrected = correctedValues.get(figureId);
        return corrected != null ? corrected
                : new FigureDisputes.Value(figure.value(), figure.valueHigh(), figure.qualifier());
    }

    FigureDisputes disputes() {
        return disputes;
    }

    void on(FigureRecorded event) {
        recorded.put(event.figureId(), Recording.of(event));
    }

    void on(FigureCorrected event) {
        correctedValues.put(event.figureId(), new FigureDisputes.Value(event.value(), event.valueHigh(),
                event.qualifier()));
    }

    void on(AlternativeValueRecorded event) {
        disputes.recorded(new FigureDisputes.Alternative(event.figureId(), event.valueNumber(),
                new FigureDisputes.Value(event.value(), event.valueHigh(), event.qualifier()), event.source(),
                event.sourceReference()));
    }

    void on(ValueAdopted event) {
        disputes.adopted(new FigureDisputes.Adoption(event.figureId(), event.valueNumber(),
                new FigureDisputes.Value(event.value(), event.valueHigh(), event.qualifier()), event.reason()));
    }
}
