package org.programmeledger.ledger.period;

import static org.programmeledger.ledger.period.RecordingChecks.blankToNull;

import java.math.BigDecimal;
import java.util.Optional;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.AlternativeValueRecorded;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.ValueAdopted;
import org.programmeledger.ledger.figure.FigureDisputes;
import org.programmeledger.ledger.figure.FigureRules;
import org.programmeledger.ledger.registry.Registry;
import org.programmeledger.ledger.rules.Rules;

/**
 * The rules of a plan period's figures: a figure belongs to the period, an item or one of its live activities,
 * reaches into the period, counts a catalogued metric; a wrong value is corrected for a reason, another source's
 * value is recorded beside it, and one of the values is adopted (the rules of {@link FigureRules} and
 * {@link FigureDisputes}, which a programme's figures share).
 */
final class FigurePolicy {

    private FigurePolicy() {
    }

    static Optional<FigureRecorded> record(RecordFigure command, PlanPeriodOpened period, ItemRecords items,
                                           ActivityRecords activities, FigureRecords figures, Registry registry) {
        String periodId = period.periodId();
        Rules.requireText(command.figureId(), "figure id");
        String activityId = blankToNull(command.activityId());
        if (command.itemNumber() == null) {
            Rules.require(activityId == null, "figure " + command.figureId() + " names activity " + activityId
                    + " but no item; give the activity's item");
        } else {
            items.require(command.itemNumber(), periodId);
        }
        Rules.requireText(command.metric(), "the metric of figure " + command.figureId());
        Rules.requireText(command.unit(), "the unit of figure " + command.figureId());
        FigureRules.requireValue(command.value(), command.valueHigh(), command.qualifier(),
                "figure " + command.figureId());
        Rules.require(command.side() != null, "the side of figure " + command.figureId() + " is required");
        Rules.require(command.basis() != null, "the basis of figure " + command.figureId() + " is required");
        Extent extent = RecordingChecks.requireExtent(command.extent(), "figure " + command.figureId());
        Rules.require(command.basis() != Basis.CUMULATIVE || extent.precision() != DatePrecision.UNSTATED,
                "cumulative figure " + command.figureId() + " needs its base date: give its extent as BASE/END");
        String partOf = blankToNull(command.partOf());
        FigureRecords.Recording existing = figures.recorded(command.figureId());
        if (existing != null) {
            // The same row again records nothing, whatever changed since it was recorded (its activity retracted,
            // the catalogue amended): its aggregation is the one it was recorded with.
            if (!existing.isOf(event(command, period, activityId, extent, partOf, existing.aggregation()))) {
                throw new LedgerRuleViolation("figure " + command.figureId()
                        + " is already recorded with other details; correct it instead");
            }
            return Optional.empty();
        }
        if (activityId != null) {
            ActivityRecords.Recording activity = activities.require(activityId, periodId);
            Rules.require(activity.itemNumber() == command.itemNumber(), "activity " + activityId
                    + " belongs to item " + activity.itemNumber() + ", not to item " + command.itemNumber());
            Rules.require(!activities.isRetracted(activityId),
                    "activity " + activityId + " is retracted and takes no figures");
        }
        Rules.require(extent.precision() == DatePrecision.UNSTATED
                        || extent.overlaps(period.startsOn(), period.endsOn()),
                () -> "figure " + command.figureId() + " covers " + extent.describe() + ", which does not reach into "
                        + "plan period " + RecordingChecks.describe(period));
        Aggregation aggregation = FigureRules.requireCatalogued(registry, command.metric().trim(),
                command.unit().trim(), command.basis(), "figure " + command.figureId());
        if (partOf != null) {
            requirePartOf(command, partOf, periodId, figures);
        }
        return Optional.of(event(command, period, activityId, extent, partOf, aggregation));
    }

    private static FigureRecorded event(RecordFigure command, PlanPeriodOpened period, String activityId,
                                        Extent extent, String partOf, Aggregation aggregation) {
        return new FigureRecorded(period.periodId(), command.figureId(), command.itemNumber(), activityId,
                command.metric().trim(), FigureValues.normalise(command.value()), command.unit().trim(),
                command.qualifier(), command.side(), extent.placedWithin(period.startsOn(), period.endsOn()),
                command.basis(), command.source(),
                command.valueHigh() == null ? null : FigureValues.normalise(command.valueHigh()),
                blankToNull(command.dateLabel()), partOf, command.sourceReference(), aggregation);
    }

    private static void requirePartOf(RecordFigure command, String partOf, String periodId, FigureRecords figures) {
        FigureRecords.Recording whole = figures.recorded(partOf);
        FigureRules.requirePartOf(new FigureRules.Counted(command.figureId(), command.metric().trim(),
                        command.unit().trim(), command.value(), command.qualifier()),
                whole == null ? null : new FigureRules.Counted(partOf, whole.metric(), whole.unit(), whole.value(),
                        whole.qualifier()), partOf, "plan period " + periodId);
    }

    static Optional<AlternativeValueRecorded> recordAlternative(RecordAlternativeValue command, String periodId,
                                                                ActivityRecords activities, FigureRecords figures) {
        FigureRecords.Recording figure = figures.requireLive(command.figureId(), periodId, activities);
        FigureDisputes.Alternative alternative = figures.disputes().alternative(command.figureId(),
                new FigureDisputes.Value(command.value(), command.valueHigh(), command.qualifier()), command.source(),
                command.sourceReference(), figures.currentValue(command.figureId(), figure));
        return Optional.ofNullable(alternative).map(stated -> new AlternativeValueRecorded(periodId,
                stated.figureId(), stated.valueNumber(), stated.value().value(), stated.value().high(),
                stated.value().qualifier(), stated.source(), stated.sourceReference()));
    }

    static Optional<ValueAdopted> adopt(AdoptValue command, String periodId, ActivityRecords activities,
                                        FigureRecords figures) {
        FigureRecords.Recording figure = figures.requireLive(command.figureId(), periodId, activities);
        FigureDisputes.Adoption adoption = figures.disputes().adoption(command.figureId(), command.valueNumber(),
                command.reason(), figures.currentValue(command.figureId(), figure));
        return Optional.ofNullable(adoption).map(adopted -> new ValueAdopted(periodId, adopted.figureId(),
                adopted.valueNumber(), adopted.value().value(), adopted.value().high(), adopted.value().qualifier(),
                adopted.reason()));
    }

    /** A correction is for an error in the value as it reads now, and must change it. */
    static FigureCorrected correct(CorrectFigure command, String periodId, ActivityRecords activities,
                                   FigureRecords figures, Integer latestPublication) {
        FigureRecords.Recording figure = figures.requireLive(command.figureId(), periodId, activities);
        Rules.requireText(command.reason(), "the reason for correcting figure " + command.figureId());
        FigureRules.requireValue(command.value(), command.valueHigh(), command.qualifier(),
                "figure " + command.figureId());
        FigureDisputes.Value current = figures.currentValue(command.figureId(), figure);
        BigDecimal value = FigureValues.normalise(command.value());
        BigDecimal high = command.valueHigh() == null ? null : FigureValues.normalise(command.valueHigh());
        Rules.require(!new FigureDisputes.Value(value, high, command.qualifier()).equals(current),
                "figure " + command.figureId() + " already reads " + current.qualifier().phrase(current.value(),
                        current.high()));
        return new FigureCorrected(periodId, command.figureId(), figure.itemNumber(), current.value(),
                current.qualifier(), value, command.qualifier(), command.reason().trim(), latestPublication,
                current.high(), high);
    }
}
