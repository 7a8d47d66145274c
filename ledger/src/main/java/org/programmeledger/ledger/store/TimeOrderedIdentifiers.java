package org.programmeledger.ledger.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers as time-ordered UUIDs (RFC 9562 version 7: the milliseconds since 1970 first, then 74
 * random bits), instead of wholly random ones. The event table and the authenticators keep a unique index on the
 * event's identifier: with random keys every insert landed on a random page of an index that outgrows the
 * database's cache, which H2 read back, copied and wrote again (a sixth of an import's thread, BENCHMARKS.md round
 * 12); in time order the inserts fill the index's last pages. Axon finds this class through
 * {@code META-INF/services} and builds it without arguments: that constructor is where the system clock and a
 * secure random source are chosen; the other takes them.
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    private final Clock clock;
    private final RandomGenerator random;

    public TimeOrderedIdentifiers() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    TimeOrderedIdentifiers(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String generateIdentifier() {
        return next(clock.millis(), new UUID(random.nextLong(), random.nextLong())).toString();
    }

    /** The random bits, with the milliseconds in the first 48, the version 7 in the next 4 and the RFC's variant. */
    static UUID next(long millis, UUID random) {
        long high = (millis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        long low = (random.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
