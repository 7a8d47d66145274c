package org.programmeledger.dashboards.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store a command uses when none is named: {@code var/ledger/}, or, while that holds no store yet, the one
 * {@code ledger demo} made in {@code var/demo/}, so that a first user meets one ledger from demo to dashboard.
 * Commands that create a store (import, import-events, restore) always create {@code var/ledger/}: the next demo
 * empties {@code var/demo/}.
 */
final class DefaultStore {

    static final String H2_FILE = "ledger.mv.db";

    private DefaultStore() {
    }

    static Path ledger() {
        return LedgerHome.path().resolve("var").resolve("ledger");
    }

    static Path demo() {
        return LedgerHome.path().resolve("var").resolve("demo");
    }

    /** The store to read when none is named. */
    static Path forReading() {
        return usesDemo() ? demo() : ledger();
    }

    /** Whether the default is the demo's store, said to the user by the command that opens it. */
    static boolean usesDemo() {
        return !ProjectConfig.datasourceNamed() && !holdsStore(ledger()) && holdsStore(demo());
    }

    static boolean holdsStore(Path folder) {
        return Files.isRegularFile(folder.resolve(H2_FILE));
    }

    static String demoNote() {
        return "using the demo's store " + Paths.display(demo()) + ", as " + Paths.display(ledger())
                + " holds none yet ('ledger import' creates it)";
    }
}
