package org.programmeledger.ledger.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledgertest.MovableClock;

class FailedSignInsTest {

    private static final SecuritySettings.SignIn SETTINGS = new SecuritySettings.SignIn(5, Duration.ofSeconds(1),
            Duration.ofMinutes(15), Duration.ofMinutes(5), 1000, 3);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T05:00:00Z"));
    private final FailedSignIns failures = new FailedSignIns(SETTINGS, clock);

    @Test
    void locksAfterTheFreeFailuresDoublingTheLockWithEachFurtherFailureUpToTheLongest() {
        for (int n = 1; n <= 4; n++) {
            failures.failed("user ada");
        }
        assertThat(failures.lockedFor("user ada")).isEmpty();

        failures.failed("user ada");
        assertThat(failures.lockedFor("user ada")).hasValue(Duration.ofSeconds(1));
        failures.failed("user ada");
        assertThat(failures.lockedFor("user ada")).hasValue(Duration.ofSeconds(2));
        failures.failed("user ada");
        assertThat(failures.lockedFor("user ada")).hasValue(Duration.ofSeconds(4));
        for (int n = 0; n < 40; n++) {
            failures.failed("user ada");
        }
        assertThat(failures.lockedFor("user ada")).hasValue(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(15));
        assertThat(failures.lockedFor("user ada")).isEmpty();
        failures.succeeded("user ada");
        assertThat(failures.failed("user ada")).isEqualTo(1);
    }

    @Test
    void keepsAtMostTheTrackedNumberOfKeysDroppingTheLeastRecentlyFailed() {
        for (String key : new String[] {"a", "b", "c", "d"}) {
            for (int n = 0; n < 5; n++) {
                failures.failed(key);
            }
        }

        assertThat(failures.lockedFor("a")).as("dropped").isEmpty();
        assertThat(failures.lockedFor("d")).isPresent();
    }
}
