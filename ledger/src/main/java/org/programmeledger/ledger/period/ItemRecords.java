package org.programmeledger.ledger.period;

import java.util.HashMap;
import java.util.Map;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.ItemCompleted;
import org.programmeledger.ledger.api.ItemRegistered;

/** The items registered in a plan period: as registered, their current title and area, and which are completed. */
class ItemRecords extends Recorded<Integer, ItemRecords.Registration> {

    /** What the rules need of an item's registration: its title, for a refusal, and its fingerprint, for a re-send. */
    record Registration(String title, Fingerprint fingerprint) {

        boolean isOf(ItemRegistered event) {
            return fingerprint.equals(Fingerprint.of(event));
        }
    }

    private final Map<Integer, String> currentTitles = new HashMap<>();
    private final Map<Integer, String> currentAreas = new HashMap<>();

    ItemRecords() {
        super("item %s is not registered in plan period %s");
    }

    /** The item's registration, or null when the number is not registered. */
    Registration registered(int number) {
        return recorded(number);
    }

    String currentTitle(int number) {
        return currentTitles.get(number);
    }

    String currentArea(int number) {
        return currentAreas.get(number);
    }

    boolean isCompleted(int number) {
        return isClosed(number);
    }

    void on(ItemRegistered event) {
        record(event.number(), new Registration(event.title(), Fingerprint.of(event)));
        current(event.number(), event.title(), event.area());
    }

    void on(ItemAmended event) {
        current(event.number(), event.title(), event.area());
    }

    private void current(int number, String title, String area) {
        currentTitles.put(number, title);
        currentAreas.put(number, area);
    }

    void on(ItemCompleted event) {
        close(event.number());
    }
}
