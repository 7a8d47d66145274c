package org.programmeledger.dashboards.console;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/** The --store option of the commands that open the local store, and the opening itself. */
public class StoreOption {

    private static final String STOP_FIRST = "it holds the store: stop it (Ctrl-C where it runs), then run this "
            + "command again";

    @Option(names = "--store", paramLabel = "DIR", description = "the store (default: var/ledger/)")
    public Path store;

    public Path folder() {
        return store != null ? store : DefaultStore.forReading();
    }

    /**
     * Starts the application on the store, unless a server holds it: an H2 file store admits one process,
     * and the server answers the same question at {@code request} (a path and query of its API).
     */
    public ConfigurableApplicationContext open(String request) {
        return open(request, "role AUDITOR");
    }

    /** As {@link #open(String)}, naming the role that the server answers the request for. */
    public ConfigurableApplicationContext open(String request, String role) {
        return open(request, role, null);
    }

    /** As {@link #open(String, String)}, with the outputs (and publications) in {@code output} (null: the store's own). */
    public ConfigurableApplicationContext open(String request, String role, Path output) {
        return start("ask it instead: curl -u NAME '%s" + request + "' (" + role + "), or stop it first", output);
    }

    /**
     * The answer of the server running on the store, asked as {@code signIn}'s user, or else of the store opened
     * here ({@link #open(String, String)}).
     */
    public <T> T ask(SignIn signIn, Function<LedgerServer, T> server, String request, String role, Local<T> local)
            throws Exception {
        Optional<URI> running = ServerFile.runningServer(folder());
        if (running.isPresent()) {
            return server.apply(new LedgerServer(running.get(), signIn));
        }
        try (ConfigurableApplicationContext application = open(request, role)) {
            return local.answer(application);
        }
    }

    /** What a command reads from the store opened here. */
    public interface Local<T> {
        T answer(ConfigurableApplicationContext application) throws Exception;
    }

    /** For a command the server does not answer: it must be stopped first. */
    public ConfigurableApplicationContext openStopped() {
        return start(STOP_FIRST, null);
    }

    private ConfigurableApplicationContext start(String advice, Path output) {
        Path folder = folder();
        refuseWhileServed(folder, advice);
        requireStore(folder);
        if (store == null && !folder.equals(DefaultStore.ledger())) {
            System.err.println("ledger: " + DefaultStore.demoNote());
        }
        return Application.start(folder, output != null ? output : DefaultStore.outputs(folder));
    }

    /** The folder of this store's outputs when {@code --out} names none. */
    public Path outputs() {
        return DefaultStore.outputs(folder());
    }

    /** Opens the store for a command that may create it (import-events): a missing store is made empty. */
    public ConfigurableApplicationContext openOrCreate() {
        Path folder = store != null ? store : DefaultStore.ledger();
        refuseWhileServed(folder, STOP_FIRST);
        return Application.start(folder, DefaultStore.outputs(folder));
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
