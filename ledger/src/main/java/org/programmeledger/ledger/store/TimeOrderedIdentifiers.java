package org.programmeledger.ledger.store;

import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers as time-ordered UUIDs (RFC 9562 version 7: the milliseconds since 1970 first, then 74
 * random bits from {@link UUID#randomUUID()}), instead of wholly random ones. The event table and the authenticators
 * keep a unique index on the event's identifier: with random keys every insert landed on a random page of an index
 * that outgrows the database's cache, which H2 read back, copied and wrote again (a sixth of an import's thread,
 * BENCHMARKS.md round 12); in time order the inserts fill the index's last pages. Axon finds this class through
 * {@code META-INF/services}.
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return next(System.currentTimeMillis(), UUID.randomUUID()).toString();
    }

    /** The random UUID's bits, with the milliseconds in its first 48 and the version 7 in place of its 4. */
    static UUID next(long millis, UUID random) {
        long high = (millis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(high, random.getLeastSignificantBits());
    }
}
