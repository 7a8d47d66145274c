package org.programmeledger.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** Message identifiers are version 7 UUIDs: distinct, valid, in the order of their milliseconds. */
class TimeOrderedIdentifiersTest {

    @Test
    void axonGivesEveryMessageATimeOrderedIdentifier() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(GenericEventMessage.asEventMessage("an event").getIdentifier());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void laterMillisecondsSortAfterAndTheRandomBitsStay() {
        UUID random = UUID.randomUUID();
        String earlier = TimeOrderedIdentifiers.next(1_764_576_000_000L, UUID.randomUUID()).toString();
        UUID later = TimeOrderedIdentifiers.next(1_764_576_000_001L, random);
        assertThat(later.toString()).isGreaterThan(earlier);
        assertThat(later.getLeastSignificantBits()).isEqualTo(random.getLeastSignificantBits());
        assertThat(later.getMostSignificantBits() & 0x0FFFL).isEqualTo(random.getMostSignificantBits() & 0x0FFFL);
        assertThat(later.toString()).startsWith("019ad8ec-f801-7");
    }

    @Test
    void identifiersOfOneMillisecondDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(IdentifierFactory.getInstance().generateIdentifier());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void theSameClockAndRandomSourceGiveTheSameIdentifiers() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_764_576_000_000L), ZoneOffset.UTC);
        TimeOrderedIdentifiers first = new TimeOrderedIdentifiers(clock, new SplittableRandom(7));
        TimeOrderedIdentifiers second = new TimeOrderedIdentifiers(clock, new SplittableRandom(7));
        String id = first.generateIdentifier();
        assertThat(second.generateIdentifier()).isEqualTo(id);
        assertThat(first.generateIdentifier()).isNotEqualTo(id).startsWith("019ad8ec-f800-7");
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
    }
}
