package org.programmeledger.dashboards.transfer;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.programmeledger.dashboards.console.ArgumentChecks;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.ProgressBar;
import org.programmeledger.dashboards.console.StoreOption;
import org.programmeledger.dashboards.console.UsageRefusal;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.facade.LedgerPosition;
import org.programmeledger.ledger.service.ExportRefused;
import org.programmeledger.ledger.facade.Transfers;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Moving a ledger between stores: the whole event stream out as JSON Lines, and into an empty store. */
public final class TransferCommands {

    private TransferCommands() {
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            header = "Writes every event as JSON Lines, with the head digest.",
            description = "Writes the whole event stream (every event with its identifiers, sequence, times, "
                    + "metadata and "
                    + "seal) as JSON Lines, ending with the head digest. The ledger is verified first. Stop a server "
                    + "running on the store first.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written",
                    "1:the ledger does not verify",
                    UsageRefusal.EXIT_CODE},
            footerHeading = "%nExample:%n", footer = "  bin/ledger export --to ledger.jsonl")
    public static class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Option(names = "--to", paramLabel = "FILE", required = true, description = "the file to write")
        Path to;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ProgressBar bar = new ProgressBar(out, System.console() != null);
            Path temporary = to.resolveSibling(to.getFileName() + ".part");
            try (ConfigurableApplicationContext application = store.openStopped()) {
                long total = application.getBean(LedgerPosition.class).eventCount();
                Digest digest;
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    digest = application.getBean(Transfers.class).export(writer,
                            written -> bar.show("exporting", (int) written, (int) total));
                }
                Files.move(temporary, to, StandardCopyOption.REPLACE_EXISTING);
                bar.clear();
                out.println("Exported " + digest.events() + " events to " + Paths.display(to) + "; head digest: "
                        + "position " + digest.position() + ", " + digest.hash());
                out.flush();
                return 0;
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    @Command(name = "import-events", mixinStandardHelpOptions = true,
            header = "Loads an export file into an empty store.",
            description = "Loads an export file into an empty store (H2 or PostgreSQL), after checking every seal "
                    + "and the "
                    + "digest: a cut-short or altered file is refused with its line, and nothing is loaded.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:loaded",
                    "1:refused, nothing loaded",
                    "2:no such file, or a usage error"},
            footerHeading = "%nExample:%n", footer = "  bin/ledger import-events ledger.jsonl --store var/copy")
    public static class ImportEvents implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "FILE", description = "a file written by 'export'")
        Path file;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ArgumentChecks.existing(file);
            ProgressBar bar = new ProgressBar(out, System.console() != null);
            try (ConfigurableApplicationContext application = store.openOrCreate()) {
                Digest digest = application.getBean(Transfers.class).load(file,
                        loaded -> bar.show("loading", (int) loaded, (int) loaded));
                bar.clear();
                out.println("Loaded " + digest.events() + " events; head digest: position " + digest.position()
                        + ", " + digest.hash() + " (the export's).");
                return 0;
            } catch (ExportRefused e) {
                bar.clear();
                spec.commandLine().getErr().println("Refused, nothing loaded: " + e.getMessage());
                return 1;
            } finally {
                out.flush();
            }
        }
    }
}
