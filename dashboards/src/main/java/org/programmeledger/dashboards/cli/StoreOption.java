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
        return Application.start(folder(), output);
    }
}
