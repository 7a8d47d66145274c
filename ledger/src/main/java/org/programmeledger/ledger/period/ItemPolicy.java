package org.programmeledger.ledger.period;

import static org.programmeledger.ledger.period.RecordingChecks.blankToNull;
import static org.programmeledger.ledger.period.RecordingChecks.listOrEmpty;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.programmeledger.ledger.api.AmendItem;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.ItemCompleted;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.registry.Registry;
import org.programmeledger.ledger.rules.Rules;

/**
 * The rules of a plan period's items: each step gives the event to record, nothing when exactly that is
 * already recorded, or refuses with a {@link LedgerRuleViolation}. An item number is unique in its period.
 */
final class ItemPolicy {

    private ItemPolicy() {
    }

    static Optional<ItemRegistered> register(RegisterItem command, String periodId, ItemRecords items,
                                             Registry registry) {
        Rules.require(command.number() >= 1, "an item number is a positive whole number, not " + command.number());
        Rules.requireText(command.title(), "the title of item " + command.number());
        List<String> lead = listOrEmpty(command.leadOrganisations());
        List<String> participants = listOrEmpty(command.participatingOrganisations());
        RecordingChecks.requireKnown(registry, lead, participants);
        ItemRegistered wanted = new ItemRegistered(periodId, command.number(), command.title().trim(),
                blankToNull(command.area()), command.newInPeriod(), lead, participants, command.source());
        ItemRecords.Registration existing = items.registered(command.number());
        if (existing == null) {
            return Optional.of(wanted);
        }
        if (!existing.isOf(wanted)) {
            throw new LedgerRuleViolation("item " + command.number() + " is already registered in plan period "
                    + periodId + " as \"" + existing.title() + "\"; an item number is unique in its plan period");
        }
        return Optional.empty();
    }

    /** An amendment changes the title or the area (or both), for a reason. */
    static ItemAmended amend(AmendItem command, String periodId, ItemRecords items, Integer latestPublication) {
        items.require(command.number(), periodId);
        Rules.requireText(command.reason(), "the reason for amending item " + command.number());
        String previousTitle = items.currentTitle(command.number());
        String previousArea = items.currentArea(command.number());
        String title = command.title() == null ? previousTitle : command.title().trim();
        String area = command.area() == null ? previousArea : blankToNull(command.area());
        Rules.requireText(title, "the title of item " + command.number());
        Rules.require(!title.equals(previousTitle) || !Objects.equals(area, previousArea),
                "item " + command.number() + " already has that title and area");
        return new ItemAmended(periodId, command.number(), previousTitle, previousArea, title, area,
                command.reason().trim(), latestPublication);
    }

    static Optional<ItemCompleted> complete(CompleteItem command, String periodId, ItemRecords items) {
        items.require(command.number(), periodId);
        return items.isCompleted(command.number()) ? Optional.empty()
                : Optional.of(new ItemCompleted(periodId, command.number()));
    }
}
