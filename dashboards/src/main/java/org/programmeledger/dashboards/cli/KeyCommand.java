package org.programmeledger.dashboards.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.programmeledger.ledger.sealing.SigningKey;
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
                LedgerCli.USAGE_ERROR},
        footerHeading = "%nExample:%n", footer = "  bin/ledger key show",
        subcommands = {KeyCommand.Show.class, KeyCommand.Rotate.class})
class KeyCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            header = "Prints the ledger's public key, its id and the key file's path.",
            description = "Prints the public key (base64 of its X.509 encoding), its id and the key file's path, to "
                    + "hand "
                    + "to auditors beforehand.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed",
                    LedgerCli.USAGE_ERROR},
            footerHeading = "%nExample:%n", footer = "  bin/ledger key show")
    static class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext application = store.open("/api/audit/digest")) {
                SigningKey key = application.getBean(SigningKey.class);
                PrintWriter out = spec.commandLine().getOut();
                out.println("key id:     " + key.keyId());
                out.println("public key: " + key.publicKeyText());
                out.println("key file:   " + Paths.display(key.file()));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            header = "Makes a new signing key for the checkpoints from now on.",
            description = "Makes a new signing key for the checkpoints and events from now on; the old one stays in "
                    + "the "
                    + "key file as retired, to check what it signed. Hand the new public key to the witnesses. Stop a "
                    + "server running on the store first.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:rotated",
                    LedgerCli.USAGE_ERROR},
            footerHeading = "%nExample:%n", footer = "  bin/ledger key rotate")
    static class Rotate implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;

        @Override
        public Integer call() {
            Path file;
            try (ConfigurableApplicationContext application = store.openStopped()) {
                file = application.getBean(SigningKey.class).file();
            }
            SigningKey rotated = SigningKey.rotate(file);
            PrintWriter out = spec.commandLine().getOut();
            out.println("key id:     " + rotated.keyId() + " (retired: " + String.join(", ", rotated.retiredKeyIds())
                    + ")");
            out.println("public key: " + rotated.publicKeyText());
            out.flush();
            return 0;
        }
    }
}
