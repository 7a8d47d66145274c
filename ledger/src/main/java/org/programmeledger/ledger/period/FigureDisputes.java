package org.programmeledger.ledger.period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.AlternativeValueRecorded;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.ValueAdopted;
import org.programmeledger.ledger.figure.FigureRules;
import org.programmeledger.ledger.rules.Rules;

/**
 * The values other sources give a plan period's figures, and which one the secretariat adopted: the rules of
 * disagreement, kept apart from {@link PlanPeriod} (which holds them for its consistency boundary).
 */
class FigureDisputes {

    /** A value of a figure as it reads now: number 0 is the one first recorded (after corrections). */
    record Value(BigDecimal value, BigDecimal high, Qualifier qualifier) {
    }

    private final Map<String, List<AlternativeValueRecorded>> alternatives = new HashMap<>();
    /** The value adopted since the figure's latest alternative; absent while it is disputed. */
    private final Map<String, ValueAdopted> adoptions = new HashMap<>();

    /** The event recording another source's value, or null when exactly that value from that source is there. */
    AlternativeValueRecorded alternative(RecordAlternativeValue command, Value current) {
        String what = "the other value of figure " + command.figureId();
        FigureRules.requireValue(command.value(), command.valueHigh(), command.qualifier(), what);
        Rules.requireText(command.source(), "the source of " + what);
        List<AlternativeValueRecorded> recorded = alternatives.getOrDefault(command.figureId(), List.of());
        BigDecimal high = command.valueHigh() == null ? null : FigureValues.normalise(command.valueHigh());
        AlternativeValueRecorded wanted = new AlternativeValueRecorded(command.periodId(), command.figureId(),
                recorded.size() + 1, FigureValues.normalise(command.value()), high, command.qualifier(),
                command.source().trim(), command.sourceReference());
        for (AlternativeValueRecorded existing : recorded) {
            if (sameValue(existing, wanted) && existing.source().equals(wanted.source())
                    && Objects.equals(existing.sourceReference(), wanted.sourceReference())) {
                return null;
            }
        }
        Value stated = new Value(wanted.value(), wanted.valueHigh(), wanted.qualifier());
        Rules.require(!same(stated, current) && recorded.stream().noneMatch(existing -> sameValue(existing, wanted)),
                "figure " + command.figureId() + " already has the value " + command.qualifier().phrase(
                        wanted.value(), wanted.valueHigh()) + "; a source that agrees is not a dispute");
        return wanted;
    }

    /** The adoption, or null when the value is already adopted for that reason (a file imported again). */
    ValueAdopted adoption(AdoptValue command, Value current) {
        List<AlternativeValueRecorded> recorded = alternatives.getOrDefault(command.figureId(), List.of());
        Rules.require(!recorded.isEmpty(), "figure " + command.figureId()
                + " has one value only; there is nothing to adopt");
        Rules.requireText(command.reason(), "the reason for adopting a value of figure " + command.figureId());
        Rules.require(command.valueNumber() >= 0 && command.valueNumber() <= recorded.size(), "figure "
                + command.figureId() + " has the values 0 to " + recorded.size() + ", not " + command.valueNumber());
        ValueAdopted adopted = adoptions.get(command.figureId());
        if (adopted != null && adopted.valueNumber() == command.valueNumber()) {
            Rules.require(adopted.reason().equals(command.reason().trim()), "value " + command.valueNumber()
                    + " of figure " + command.figureId() + " is already adopted, because " + adopted.reason());
            return null;
        }
        Value chosen = command.valueNumber() == 0 ? current : valueOf(recorded.get(command.valueNumber() - 1));
        return new ValueAdopted(command.periodId(), command.figureId(), command.valueNumber(), chosen.value(),
                chosen.high(), chosen.qualifier(), command.reason().trim());
    }

    void on(AlternativeValueRecorded event) {
        alternatives.computeIfAbsent(event.figureId(), id -> new ArrayList<>()).add(event);
        adoptions.remove(event.figureId());
    }

    void on(ValueAdopted event) {
        adoptions.put(event.figureId(), event);
    }

    private static boolean sameValue(AlternativeValueRecorded one, AlternativeValueRecorded other) {
        return same(valueOf(one), valueOf(other));
    }

    private static Value valueOf(AlternativeValueRecorded alternative) {
        return new Value(alternative.value(), alternative.valueHigh(), alternative.qualifier());
    }

    private static boolean same(Value one, Value other) {
        return one.value().compareTo(other.value()) == 0 && one.qualifier() == other.qualifier()
                && (one.high() == null ? other.high() == null : other.high() != null
                && one.high().compareTo(other.high()) == 0);
    }
}
