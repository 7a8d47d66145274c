package org.programmeledger.ledger.service;

import java.util.Objects;
import java.util.stream.Stream;

/** A failure and its causes, outermost first: Spring, Axon, H2 and the JDBC drivers each wrap the store's errors. */
public final class Causes {

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, cause -> cause.getCause() == cause ? null : cause.getCause());
    }
}
