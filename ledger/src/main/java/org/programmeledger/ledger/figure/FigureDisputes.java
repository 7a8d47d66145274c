package org.programmeledger.ledger.figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.programmeledger.ledger.api.FigureValues;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.SourceReference;
import org.programmeledger.ledger.rules.Rules;

/**
 * The values other sources give the figures of one aggregate (a plan period, a programme), and which one the
 * secretariat adopted: the rules of disagreement, the same for every aggregate that holds figures. Each
 * aggregate turns an {@link Alternative} or {@link Adoption} into its own event and feeds it back when sourced.
 */
public class FigureDisputes {

    /** A value of a figure as it reads now: number 0 is the one first recorded (after corrections). */
    public record Value(BigDecimal value, BigDecimal high, Qualifier qualifier) {
    }

    /** Another source's value, numbered among the figure's values from 1. */
    public record Alternative(String figureId, int valueNumber, Value value, String source,
                              SourceReference sourceReference) {
    }

    /** The value adopted among a figure's values, with the secretariat's reason. */
    public record Adoption(String figureId, int valueNumber, Value value, String reason) {
    }

    private final Map<String, List<Alternative>> alternatives = new HashMap<>();
    /** The value adopted since the figure's latest alternative; absent while it is disputed. */
    private final Map<String, Adoption> adoptions = new HashMap<>();
    /** Every adoption recorded, a later alternative's dispute notwithstanding. */
    private final Map<String, List<Adoption>> adoptionsRecorded = new HashMap<>();

    /** Another source's value to record, or null when exactly that value from that source is there. */
    public Alternative alternative(String figureId, Value stated, String source, SourceReference reference,
                                   Value current) {
        String what = "the other value of figure " + figureId;
        FigureRules.requireValue(stated.value(), stated.high(), stated.qualifier(), what);
        Rules.requireText(source, "the source of " + what);
        List<Alternative> recorded = alternatives.getOrDefault(figureId, List.of());
        Alternative wanted = new Alternative(figureId, recorded.size() + 1, new Value(
                FigureValues.normalise(stated.value()), stated.high() == null ? null
                : FigureValues.normalise(stated.high()), stated.qualifier()), source.trim(), reference);
        for (Alternative existing : recorded) {
            if (same(existing.value(), wanted.value()) && existing.source().equals(wanted.source())
                    && Objects.equals(existing.sourceReference(), wanted.sourceReference())) {
                return null;
            }
        }
        Rules.require(!same(wanted.value(), current)
                        && recorded.stream().noneMatch(existing -> same(existing.value(), wanted.value())),
                "figure " + figureId + " already has the value " + stated.qualifier().phrase(
                        wanted.value().value(), wanted.value().high()) + "; a source that agrees is not a dispute");
        return wanted;
    }

    /**
     * The adoption, or null when the value is already adopted for that reason, or was adopted for that reason before
     * a later alternative disputed it again (a file imported again: the dispute stands; to adopt that value again,
     * the secretariat gives its reason anew).
     */
    public Adoption adoption(String figureId, int valueNumber, String reason, Value current) {
        List<Alternative> recorded = alternatives.getOrDefault(figureId, List.of());
        Rules.require(!recorded.isEmpty(), "figure " + figureId + " has one value only; there is nothing to adopt");
        Rules.requireText(reason, "the reason for adopting a value of figure " + figureId);
        Rules.require(valueNumber >= 0 && valueNumber <= recorded.size(), "figure " + figureId
                + " has the values 0 to " + recorded.size() + ", not " + valueNumber);
        Adoption adopted = adoptions.get(figureId);
        if (adopted != null && adopted.valueNumber() == valueNumber) {
            Rules.require(adopted.reason().equals(reason.trim()), "value " + valueNumber + " of figure " + figureId
                    + " is already adopted, because " + adopted.reason());
            return null;
        }
        if (adoptionsRecorded.getOrDefault(figureId, List.of()).stream().anyMatch(earlier ->
                earlier.valueNumber() == valueNumber && earlier.reason().equals(reason.trim()))) {
            return null;
        }
        Value chosen = valueNumber == 0 ? current : recorded.get(valueNumber - 1).value();
        return new Adoption(figureId, valueNumber, chosen, reason.trim());
    }

    /** An alternative was recorded: the figure is disputed again until a value is adopted. */
    public void recorded(Alternative alternative) {
        alternatives.computeIfAbsent(alternative.figureId(), id -> new ArrayList<>()).add(alternative);
        adoptions.remove(alternative.figureId());
    }

    public void adopted(Adoption adoption) {
        adoptions.put(adoption.figureId(), adoption);
        adoptionsRecorded.computeIfAbsent(adoption.figureId(), id -> new ArrayList<>()).add(adoption);
    }

    private static boolean same(Value one, Value other) {
        return one.value().compareTo(other.value()) == 0 && one.qualifier() == other.qualifier()
                && (one.high() == null ? other.high() == null : other.high() != null
                && one.high().compareTo(other.high()) == 0);
    }
}
