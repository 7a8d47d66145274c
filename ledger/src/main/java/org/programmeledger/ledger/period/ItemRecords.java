package org.programmeledger.ledger.period;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.ItemCompleted;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.rules.Rules;

/** The items registered in a plan period: as registered, their current title and area, and which are completed. */
class ItemRecords {

    private final Map<Integer, ItemRegistered> registered = new HashMap<>();
    private final Map<Integer, String> currentTitles = new HashMap<>();
    private final Map<Integer, String> currentAreas = new HashMap<>();
    private final Set<Integer> completed = new HashSet<>();

    /** The item as registered, or null when the number is not registered. */
    ItemRegistered registered(int number) {
        return registered.get(number);
    }

    ItemRegistered require(int number, String periodId) {
        ItemRegistered item = registered.get(number);
        Rules.require(item != null, "item " + number + " is not registered in plan period " + periodId);
        return item;
    }

    String currentTitle(int number) {
        return currentTitles.get(number);
    }

    String currentArea(int number) {
        return currentAreas.get(number);
    }

    boolean isCompleted(int number) {
        return completed.contains(number);
    }

    void on(ItemRegistered event) {
        registered.put(event.number(), event);
        currentTitles.put(event.number(), event.title());
        currentAreas.put(event.number(), event.area());
    }

    void on(ItemAmended event) {
        currentTitles.put(event.number(), event.title());
        currentAreas.put(event.number(), event.area());
    }

    void on(ItemCompleted event) {
        completed.add(event.number());
    }
}
