package org.programmeledger.ledger.service;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A failure and its causes, outermost first: Spring, Axon, H2 and the JDBC drivers each wrap the store's errors. A
 * batch's failure ({@link java.sql.BatchUpdateException}) may hold its reason only as the next exception of its
 * chain, with no cause (H2's does), so those are followed too.
 */
public final class Causes {

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toRead = new ArrayDeque<>();
        toRead.add(failure);
        Stream.Builder<Throwable> causes = Stream.builder();
        while (!toRead.isEmpty()) {
            Throwable cause = toRead.poll();
            if (!seen.add(cause)) {
                continue;
            }
            causes.add(cause);
            if (cause.getCause() != null) {
                toRead.add(cause.getCause());
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                toRead.add(sql.getNextException());
            }
        }
        return causes.build();
    }
}
