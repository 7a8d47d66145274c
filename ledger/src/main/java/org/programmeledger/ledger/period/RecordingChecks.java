package org.programmeledger.ledger.period;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.registry.Registry;
import org.programmeledger.ledger.rules.Rules;

/** Checks and clean-ups that the policies of items, activities and figures share, with the same wording. */
final class RecordingChecks {

    private RecordingChecks() {
    }

    static void requireKnown(Registry registry, List<String> first, List<String> second) {
        List<String> named = new ArrayList<>(first);
        named.addAll(second);
        SortedSet<String> unknown = registry.unknownOrganisations(named);
        Rules.require(unknown.isEmpty(), () -> "unknown organisation" + (unknown.size() > 1 ? "s " : " ")
                + String.join(", ", unknown) + "; register " + (unknown.size() > 1 ? "them" : "it") + " first");
    }

    static Extent requireExtent(Extent extent, String what) {
        Rules.require(extent != null && extent.precision() != null, "the date of " + what + " is required");
        Rules.require(extent.precision() == DatePrecision.UNSTATED || extent.start() != null && extent.end() != null,
                "the date of " + what + " needs a start and an end");
        Rules.require(!extent.endsBeforeItStarts(), () -> "the range of " + what + " ends (" + extent.end()
                + ") before it starts (" + extent.start() + ")");
        return extent;
    }

    static String describe(PlanPeriodOpened period) {
        return period.label() + " (" + period.startsOn() + " to " + period.endsOn() + ")";
    }

    static List<String> listOrEmpty(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
