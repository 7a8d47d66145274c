package org.programmeledger.dashboards.keys;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.StoreOption;
import org.programmeledger.dashboards.console.UsageRefusal;
import org.programmeledger.ledger.facade.LedgerKeys;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The ledger's signing key (docs/sealing.md): where it is and its public half, to hand to auditors and witnesses. */
@Command(name = "key", mixinStandardHelpOptions = true,
        header = "Shows or rotates the ledger's signing key.",
        description = "The key that signs the ledger's checkpoints: show its public key for auditors, or rotate it.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done",
                UsageRefusal.EXIT_CODE},
        footerHeading = "%nExample:%n", footer = "  bin/ledger key show",
        subcommands = {KeyCommand.Show.class, KeyCommand.Rotate.class})
public class KeyCommand {

    /** A key command on the local store. */
    abstract static class OnTheStore implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
    }

    /** Records the key file's keys not recorded yet, then prints the current key and where its event is. */
    private static void print(PrintWriter out, ConfigurableApplicationContext application) {
        LedgerKeys key = application.getBean(LedgerKeys.class);
        long position = key.register();
        out.println("key id:     " + key.keyId() + (key.retiredKeyIds().isEmpty() ? ""
                : " (retired: " + String.join(", ", key.retiredKeyIds()) + ")"));
        out.println("public key: " + key.publicKeyText());
        out.println("key file:   " + Paths.display(key.file()));
        out.println("recorded:   SigningKeyRegistered at ledger position " + position);
        out.flush();
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            header = "Prints the public key, its id, its file and the event recording it.",
            description = "Prints the public key (base64 of its X.509 encoding), its id, the key file's path and the "
                    + "position of the event that records the key in the ledger (recorded now if it is not yet), to "
                    + "hand to auditors beforehand.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed",
                    UsageRefusal.EXIT_CODE},
            footerHeading = "%nExample:%n", footer = "  bin/ledger key show")
    public static class Show extends OnTheStore {

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext application = store.open("/api/audit/digest")) {
                print(spec.commandLine().getOut(), application);
            }
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            header = "Makes a new signing key, vouched for by the old one.",
            description = "Makes a new signing key for the checkpoints and events from now on, with a rotation "
                    + "statement signed by the old key, and records it in the ledger; the old key stays in the key "
                    + "file as retired, to check what it signed. Hand the new public key to the witnesses. Stop a "
                    + "server running on the store first.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:rotated",
                    UsageRefusal.EXIT_CODE},
            footerHeading = "%nExample:%n", footer = "  bin/ledger key rotate")
    public static class Rotate extends OnTheStore {

        @Override
        public Integer call() {
            Path file;
            try (ConfigurableApplicationContext application = store.openStopped()) {
                file = application.getBean(LedgerKeys.class).file();
            }
            LedgerKeys.rotate(file, Clock.systemUTC().instant());
            // Opened again, so that the new key authenticates the event that records it.
            try (ConfigurableApplicationContext application = store.openStopped()) {
                print(spec.commandLine().getOut(), application);
            }
            return 0;
        }
    }
}
