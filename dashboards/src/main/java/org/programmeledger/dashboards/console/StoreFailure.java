package org.programmeledger.dashboards.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.programmeledger.ledger.service.Causes;
import org.programmeledger.ledger.service.FullDisk;
import org.programmeledger.ledger.service.StoreUnavailable;

/**
 * A command that failed on the store itself says so in one line: its disk full, its file damaged or held by another
 * process, its database not answering. Any other failure is left as it is, with its trace.
 */
public final class StoreFailure {

    /** Less room than this on the store's disk is a full disk: H2 writes up to a megabyte of changes at once. */
    private static final long NEARLY_FULL = 1 << 20;
    private static volatile Path openedStore;

    private StoreFailure() {
    }

    /** A failure while the application started on {@code store}, explained when the store caused it. */
    static RuntimeException atStart(Path store, RuntimeException failed) {
        String where = ProjectConfig.datasourceNamed() ? "the configured database"
                : "the store in " + Paths.display(store);
        Optional<String> full = FullDisk.in(failed);
        if (full.isPresent()) {
            return new CannotOpen(where + " cannot be opened: its disk is full (" + full.get() + "). What it held is "
                    + "kept: free some space there and run the command again", failed);
        }
        return connectionFailure(failed).<RuntimeException>map(sql -> new CannotOpen(
                where + " cannot be opened: " + sql.getMessage(), failed)).orElse(failed);
    }

    /** The store this process opened: a failure later is laid to its disk when that disk has no room left. */
    static void opening(Path store) {
        openedStore = store;
    }

    /**
     * A failure while a command ran, explained when a full disk caused it (and not already, at its start). H2 closes
     * the store when a write fails, often on another thread (its background writer, the sequencer), so the failure
     * the command sees may only say that the database has been closed; the store's disk, full, says why.
     */
    public static Optional<String> whileRunning(Throwable failed) {
        if (failed instanceof CannotOpen) {
            return Optional.empty();
        }
        Optional<String> full = FullDisk.in(failed);
        if (full.isEmpty() && failedInTheStore(failed) && storeDiskIsFull()) {
            full = Optional.of(FullDisk.NO_SPACE);
        }
        return full.map(reason -> "stopped, as a disk it writes to is full (" + reason + "). The store "
                + "keeps what was written to it before: free some space there and run the command again");
    }

    private static boolean storeDiskIsFull() {
        Path store = openedStore;
        if (store == null || ProjectConfig.datasourceNamed()) {
            return false;
        }
        try {
            return Files.getFileStore(store).getUsableSpace() < NEARLY_FULL;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean failedInTheStore(Throwable failed) {
        return Causes.of(failed).anyMatch(SQLException.class::isInstance);
    }

    /** The first error in the chain of getting a connection: SQLSTATE class 08 or its JDBC classes. */
    private static Optional<SQLException> connectionFailure(Throwable failed) {
        return Causes.of(failed).filter(StoreUnavailable::refusedConnection).map(SQLException.class::cast).findFirst();
    }

    /** The store's own failure at a command's start, explained. */
    static final class CannotOpen extends IllegalStateException {

        CannotOpen(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
