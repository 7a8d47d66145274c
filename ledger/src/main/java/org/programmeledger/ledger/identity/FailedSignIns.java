package org.programmeledger.ledger.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins in a row per key (a user name or a client address): after {@code freeFailures} the key is
 * locked, first for {@code firstLock}, each further failure doubling the lock up to {@code longestLock}. At
 * most {@code tracked} keys are kept, the least recently failed dropped first, so a storm of made-up names
 * cannot fill the heap.
 */
final class FailedSignIns {

    private record Failures(int count, Instant lockedUntil) {
    }

    private final SecuritySettings.SignIn settings;
    private final Clock clock;
    private final Map<String, Failures> failures;

    FailedSignIns(SecuritySettings.SignIn settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > settings.trackedClients();
            }
        };
    }

    /** How long the key stays locked, if it is. */
    synchronized Optional<Duration> lockedFor(String key) {
        Failures recorded = failures.get(key);
        if (recorded == null || recorded.lockedUntil() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), recorded.lockedUntil());
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** Counts a failure; answers the failures in a row. */
    synchronized int failed(String key) {
        int count = failures.getOrDefault(key, new Failures(0, null)).count() + 1;
        Instant lockedUntil = null;
        if (count >= settings.freeFailures()) {
            int doublings = Math.min(count - settings.freeFailures(), 30);
            Duration lock = settings.firstLock().multipliedBy(1L << doublings);
            lockedUntil = clock.instant().plus(lock.compareTo(settings.longestLock()) > 0 ? settings.longestLock() : lock);
        }
        failures.put(key, new Failures(count, lockedUntil));
        return count;
    }

    synchronized void succeeded(String key) {
        failures.remove(key);
    }
}
