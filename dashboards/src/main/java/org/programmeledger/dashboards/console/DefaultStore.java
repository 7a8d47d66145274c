package org.programmeledger.dashboards.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.programmeledger.ledger.hashing.Sha256;

/**
 * The store a command uses when none is named: {@code var/ledger/}, or, while that holds no store yet, the one
 * {@code ledger demo} made in {@code var/demo/}, so that a first user meets one ledger from demo to dashboard.
 * Commands that create a store (import, import-events, restore) always create {@code var/ledger/}: the next demo
 * empties {@code var/demo/}.
 */
public final class DefaultStore {

    public static final String H2_FILE = "ledger.mv.db";

    private DefaultStore() {
    }

    public static Path ledger() {
        return LedgerHome.path().resolve("var").resolve("ledger");
    }

    public static Path demo() {
        return LedgerHome.path().resolve("var").resolve("demo");
    }

    /** The store to read when none is named. */
    public static Path forReading() {
        return usesDemo() ? demo() : ledger();
    }

    /** Whether the default is the demo's store, said to the user by the command that opens it. */
    public static boolean usesDemo() {
        return !ProjectConfig.datasourceNamed() && !holdsStore(ledger()) && holdsStore(demo());
    }

    /**
     * Where a store's outputs go when {@code --out} names no folder: {@code out/NAME/} for a store in {@code var/}
     * ({@code out/demo/}, {@code out/ledger/}), {@code out/NAME-HASH/} for one elsewhere. Two stores never write into
     * one folder, so a download is always built from the store the server holds.
     */
    public static Path outputs(Path storeFolder) {
        Path store = storeFolder.toAbsolutePath().normalize();
        Path out = LedgerHome.path().resolve("out");
        String name = store.getFileName() == null ? "store" : store.getFileName().toString();
        if (LedgerHome.path().resolve("var").equals(store.getParent())) {
            return out.resolve(name);
        }
        return out.resolve(name + "-" + Sha256.hexOf(store.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 8));
    }

    public static boolean holdsStore(Path folder) {
        return Files.isRegularFile(folder.resolve(H2_FILE));
    }

    public static String demoNote() {
        return "using the demo's store " + Paths.display(demo()) + ", as " + Paths.display(ledger())
                + " holds none yet ('ledger import' creates it)";
    }
}
