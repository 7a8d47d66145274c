package org.programmeledger.ledger.period;

import java.util.HashMap;
import java.util.Map;
import org.programmeledger.ledger.api.AlternativeValueRecorded;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.ValueAdopted;
import org.programmeledger.ledger.figure.FigureDisputes;
import org.programmeledger.ledger.rules.Rules;

/** The figures recorded in a plan period: as recorded, their latest corrections, and other sources' values. */
class FigureRecords {

    private final Map<String, FigureRecorded> recorded = new HashMap<>();
    private final Map<String, FigureCorrected> latestCorrections = new HashMap<>();
    private final FigureDisputes disputes = new FigureDisputes();

    /** The figure as recorded, or null when it is not. */
    FigureRecorded recorded(String figureId) {
        return recorded.get(figureId);
    }

    /** A figure that takes corrections and other values: recorded, and not of a retracted activity. */
    FigureRecorded requireLive(String figureId, String periodId, ActivityRecords activities) {
        FigureRecorded figure = recorded.get(figureId);
        Rules.require(figure != null, "figure " + figureId + " is not recorded in plan period " + periodId);
        Rules.require(figure.activityId() == null || !activities.isRetracted(figure.activityId()),
                "figure " + figureId + " belongs to retracted activity " + figure.activityId());
        return figure;
    }

    /** The figure's value as it reads now: as recorded, or as last corrected. */
    FigureDisputes.Value currentValue(FigureRecorded figure) {
        FigureCorrected latest = latestCorrections.get(figure.figureId());
        return latest == null ? new FigureDisputes.Value(figure.value(), figure.valueHigh(), figure.qualifier())
                : new FigureDisputes.Value(latest.value(), latest.valueHigh(), latest.qualifier());
    }

    FigureDisputes disputes() {
        return disputes;
    }

    void on(FigureRecorded event) {
        recorded.put(event.figureId(), event);
    }

    void on(FigureCorrected event) {
        latestCorrections.put(event.figureId(), event);
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
