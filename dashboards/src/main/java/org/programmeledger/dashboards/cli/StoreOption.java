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
        return store != null ? store : DefaultStore.forReading();
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
        Path folder = folder();
        refuseWhileServed(folder, "ask it instead: %s" + httpAlternative + " (" + role + "), or stop it first");
        requireStore(folder);
        if (store == null && !folder.equals(DefaultStore.ledger())) {
            System.err.println("ledger: " + DefaultStore.demoNote());
        }
        return Application.start(folder, output);
    }

    /** Opens the store for a command that may create it (import-events): a missing store is made empty. */
    ConfigurableApplicationContext openOrCreate() {
        Path folder = store != null ? store : DefaultStore.ledger();
        refuseWhileServed(folder, "stop it first");
        return Application.start(folder, LedgerHome.path().resolve("out"));
    }

    /** An H2 file store admits one process; {@code advice} may name the server's address with {@code %s}. */
    private static void refuseWhileServed(Path folder, String advice) {
        Optional<URI> server = ServerFile.runningServer(folder);
        if (server.isPresent()) {
            throw new IllegalStateException("a server runs on " + Paths.display(folder) + "; "
                    + advice.replace("%s", server.get().toString()));
        }
    }

    /**
     * A command that reads the store refuses a folder that holds none, before Spring starts: opening it would
     * create an empty store and report on that ("intact: 0 events" for a mistyped folder). Only the embedded
     * store is checked; a datasource named explicitly is the operator's to get right.
     */
    private static void requireStore(Path folder) {
        if (ProjectConfig.datasourceNamed() || DefaultStore.holdsStore(folder)) {
            return;
        }
        throw new UsageRefusal(Paths.display(folder) + " holds no ledger store (no " + DefaultStore.H2_FILE
                + "); name one with --store DIR, or create one with 'ledger import' or 'ledger restore'");
    }
}
