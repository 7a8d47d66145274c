package org.programmeledger.dashboards.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/** The --store option of the commands that open the local store, and the opening itself. */
class StoreOption {

    @Option(names = "--store", paramLabel = "DIR", description = "the store (default: var/ledger/)")
    Path store;

    Path folder() {
        return store != null ? store : LedgerHome.path().resolve("var").resolve("ledger");
    }

    /**
     * Starts the application on the store, unless a server holds it: an H2 file store admits one process,
     * and the server answers the same questions over HTTP.
     */
    ConfigurableApplicationContext open(String httpAlternative) {
        return open(httpAlternative, "role AUDITOR");
    }

    /** As {@link #open(String)}, naming the request and role that the server answers it with. */
    ConfigurableApplicationContext open(String httpAlternative, String role) {
        return open(httpAlternative, role, LedgerHome.path().resolve("out"));
    }

    /** As {@link #open(String, String)}, with the outputs (and publications) in {@code output}. */
    ConfigurableApplicationContext open(String httpAlternative, String role, Path output) {
        Optional<URI> server = ServerFile.runningServer(folder());
        if (server.isPresent()) {
            throw new IllegalStateException("a server runs on " + Paths.display(folder()) + "; ask it instead: "
                    + server.get() + httpAlternative + " (" + role + "), or stop it first");
        }
        try {
            return Application.start(folder(), output, "--ledger.store.h2-options=;IFEXISTS=TRUE");
        } catch (RuntimeException e) {
            if (noSuchDatabase(e)) {
                throw new NoStore(folder());
            }
            throw e;
        }
    }

    /** Opens the store, creating it when there is none: for the commands that fill a store. */
    ConfigurableApplicationContext create(String httpAlternative) {
        Optional<URI> server = ServerFile.runningServer(folder());
        if (server.isPresent()) {
            throw new IllegalStateException("a server runs on " + Paths.display(folder()) + "; ask it instead: "
                    + server.get() + httpAlternative + ", or stop it first");
        }
        return Application.start(folder(), LedgerHome.path().resolve("out"));
    }

    /** H2's "Database ... not found" (error 90146), however deep Spring wrapped it. */
    private static boolean noSuchDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == 90146) {
                return true;
            }
        }
        return false;
    }

    /** A --store that holds no store, given to a command that reads one: a usage error (exit code 2). */
    static final class NoStore extends RuntimeException {
        NoStore(Path folder) {
            super("no store at " + Paths.display(folder) + " (only serve, demo, import, import-events and restore "
                    + "create one)");
        }
    }
}
