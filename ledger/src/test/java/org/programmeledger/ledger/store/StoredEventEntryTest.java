package org.programmeledger.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** The stored recording time reads as Axon reads it, its own format parsed directly and any other left to Axon. */
class StoredEventEntryTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(20_261_201L);
        for (int i = 0; i < 20_000; i++) {
            // 1970 to 2100; Axon writes milliseconds.
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredEventEntry.parseUtc(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void readsEveryLengthOfFractionAndNone() {
        for (String text : List.of("2024-02-29T23:59:59Z", "2024-02-29T23:59:59.1Z", "2024-02-29T23:59:59.12Z",
                "2024-02-29T23:59:59.123456789Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999999999Z")) {
            assertThat(StoredEventEntry.parseUtc(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
    }

    @Test
    void leavesAnyOtherTextToAxon() {
        for (String text : List.of("2024-02-29T23:59:59+08:00", "2024-02-29t23:59:59Z", "2024-02-29T23:59:59z",
                "2024-02-29T23:59:59.Z", "2024-02-29T23:59:59.1234567890Z", "+12024-02-29T23:59:59Z",
                "2024-2-29T23:59:59.000Z", "2024-02-29T23:59:60Z", "2024-02-29T24:00:00Z", "2023-02-29T12:00:00Z",
                "2024-13-01T12:00:00Z", "2024-02-29 23:59:59Z", "2024-02-29T23:59:59.12a4Z")) {
            assertThat(StoredEventEntry.parseUtc(text)).as(text).isNull();
        }
        StoredEventEntry offset = entry("2024-02-29T23:59:59.5+08:00");
        assertThat(offset.getTimestamp()).isEqualTo(Instant.parse("2024-02-29T15:59:59.5Z"));
        assertThatThrownBy(() -> entry("2023-02-29T12:00:00Z").getTimestamp()).isInstanceOf(DateTimeException.class);
    }

    private static StoredEventEntry entry(String timeStamp) {
        return new StoredEventEntry("PlanPeriod", "p", 0, "e", timeStamp, "T", null, "{}", "{}");
    }
}
