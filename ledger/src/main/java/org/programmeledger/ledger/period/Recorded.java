package org.programmeledger.ledger.period;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.programmeledger.ledger.rules.Rules;

/**
 * What the rules need of what a plan period recorded under each key (an item's number, an activity's id), and which keys were closed since
 * (an item completed, an activity retracted).
 */
class Recorded<K, E> {

    private final Map<K, E> recorded = new HashMap<>();
    private final Set<K> closed = new HashSet<>();
    private final String notRecorded;

    /** {@code notRecorded} says that a key is not recorded, with the key and the period for its two {@code %s}. */
    Recorded(String notRecorded) {
        this.notRecorded = notRecorded;
    }

    /** What was recorded under the key, or null when it is not recorded. */
    E recorded(K key) {
        return recorded.get(key);
    }

    E require(K key, String periodId) {
        E facts = recorded.get(key);
        Rules.require(facts != null, () -> notRecorded.formatted(key, periodId));
        return facts;
    }

    void record(K key, E facts) {
        recorded.put(key, facts);
    }

    boolean isClosed(K key) {
        return closed.contains(key);
    }

    void close(K key) {
        closed.add(key);
    }
}
