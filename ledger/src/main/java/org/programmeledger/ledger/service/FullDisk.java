package org.programmeledger.ledger.service;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a failure because a disk is full from any other: the operating system's "No space left on device" under
 * H2's or the output's write, or PostgreSQL's {@code disk_full} (SQLSTATE 53100). Spring, Axon, H2 and the driver each
 * wrap it their own way, so the whole cause chain is read.
 */
public final class FullDisk {

    /** What Linux says for ENOSPC, in every JDK's {@link IOException} and in PostgreSQL's messages. */
    public static final String NO_SPACE = "No space left on device";
    private static final String DISK_FULL_STATE = "53100";

    private FullDisk() {
    }

    /** The message that says the disk is full, if a full disk caused {@code failure}. */
    public static Optional<String> in(Throwable failure) {
        return Causes.of(failure).filter(cause -> cause instanceof IOException && cause.getMessage() != null
                && cause.getMessage().contains(NO_SPACE)
                || cause instanceof SQLException sql && DISK_FULL_STATE.equals(sql.getSQLState()))
                .findFirst().map(Throwable::getMessage);
    }
}
