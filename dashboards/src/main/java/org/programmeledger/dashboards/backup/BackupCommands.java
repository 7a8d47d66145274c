package org.programmeledger.dashboards.backup;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.programmeledger.dashboards.console.ArgumentChecks;
import org.programmeledger.dashboards.console.LedgerServer;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.ServerFile;
import org.programmeledger.dashboards.console.SignIn;
import org.programmeledger.dashboards.console.StoreOption;
import org.programmeledger.dashboards.console.UsageRefusal;
import org.programmeledger.ledger.facade.Backups;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Backing up the embedded store while it runs, and restoring a backup. */
public final class BackupCommands {

    private BackupCommands() {
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            header = "Makes a consistent copy of the embedded store while it runs.",
            description = "Makes a consistent copy of the embedded store (H2's online backup). When 'serve' runs on "
                    + "the "
                    + "store the server makes it (as the signed-in user) into backups/ beside the store; otherwise it "
                    + "is made here.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:backed up",
                    "1:the server refused",
                    "2:no server answers, or a usage error"},
            footerHeading = "%nExample:%n", footer = "  bin/ledger backup --to ledger-backup.zip")
    public static class Backup implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        SignIn signIn;
        @Option(names = "--to", paramLabel = "FILE", description = "the zip to write when no server runs "
                + "(default: backups/ledger-<time>.zip beside the store)")
        Path to;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Optional<URI> server = ServerFile.runningServer(store.folder());
            if (server.isPresent()) {
                return throughServer(server.get(), out);
            }
            Path zip = to != null ? to : Backups.defaultFile(store.folder(), Instant.now());
            try (ConfigurableApplicationContext application = store.openStopped()) {
                application.getBean(Backups.class).backupTo(zip);
            }
            out.println("Backed up the store to " + Paths.display(zip));
            out.flush();
            return 0;
        }

        private int throughServer(URI server, PrintWriter out) {
            String zip = new LedgerServer(server, signIn).backup();
            out.println("The server at " + server + " backed up its store to " + zip);
            out.flush();
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            header = "Restores a backup into an empty store folder.",
            description = "Restores a backup into an empty store folder; run 'verify' on it afterwards.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:restored",
                    "2:no such file, a file that is no backup, a store folder that holds a store already, or a "
                            + "usage error"},
            footerHeading = "%nExample:%n", footer = "  bin/ledger restore ledger-backup.zip --store var/restored")
    public static class Restore implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "ZIP", description = "a backup written by 'backup'")
        Path zip;

        @Override
        public Integer call() throws Exception {
            try {
                Backups.restore(ArgumentChecks.existing(zip), store.folder());
            } catch (IllegalStateException e) {
                throw new UsageRefusal(e.getMessage());
            }
            spec.commandLine().getOut().println("Restored " + Paths.display(zip) + " into "
                    + Paths.display(store.folder()) + "; check it with: bin/ledger verify --store "
                    + Paths.display(store.folder()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
