package org.programmeledger.dashboards.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.console.DefaultStore;
import org.programmeledger.dashboards.console.LedgerHome;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.ProjectConfig;
import org.programmeledger.ledger.facade.Sealing;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Records data/ into a fresh demo store and builds its outputs.",
        description = "Records the import files of data/ through the command bus into a fresh embedded store "
                + "(var/demo/ by default; only the store's own files are deleted), runs the batch jobs for every "
                + "plan period and writes CSV files, charts and the report under out/demo/.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:recorded and built",
                "1:a file was refused (its problems are printed)",
                "2:there is nothing to import"},
        footerHeading = "%nExample:%n", footer = "  bin/ledger demo")
public class DemoCommand implements Callable<Integer> {

    /** The files of an H2 store; the demo deletes only these, whatever folder it is given. */
    private static final List<String> STORE_FILES = List.of("ledger.mv.db", "ledger.trace.db", "ledger.lock.db");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "the import files to record (default: data/)")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "where outputs go (default: out/demo/, or out/<store>/ with --store)")
    Path out;

    @Option(names = "--store", paramLabel = "DIR", description = "the demo's own store, emptied first (default: var/demo/)")
    Path store;

    @Override
    public Integer call() throws IOException {
        Path home = LedgerHome.path();
        Path dataFolder = data != null ? data : home.resolve("data");
        Path storeFolder = store != null ? store : home.resolve("var").resolve("demo");
        Path outFolder = out != null ? out : DefaultStore.outputs(storeFolder);
        PrintWriter console = spec.commandLine().getOut();
        List<Path> files = csvFiles(dataFolder);
        if (files.isEmpty()) {
            spec.commandLine().getErr().println("No import files (*.csv) in " + Paths.display(dataFolder));
            return 2;
        }
        emptyStore(storeFolder);
        console.println("Programme Ledger demo: a fresh store in " + Paths.display(storeFolder));
        try (ConfigurableApplicationContext application = Application.start(storeFolder, outFolder)) {
            boolean recorded = application.getBean(DemoRun.class).run(files, console);
            if (recorded && !ProjectConfig.datasourceNamed()) {
                printUsers(DemoUsers.create(storeFolder), storeFolder, console);
            }
            if (recorded && store == null && DefaultStore.usesDemo()) {
                console.println("Next: bin/ledger serve opens this store (" + Paths.display(DefaultStore.ledger())
                        + " holds none yet), as do verify, history, report and the other commands.");
            }
            return recorded ? 0 : 1;
        } finally {
            console.flush();
        }
    }

    private static void printUsers(List<DemoUsers.Credentials> users, Path store, PrintWriter console) {
        console.println("Users who may sign in while 'bin/ledger serve' runs on this store (and on no other; new "
                + "passwords at each demo, kept as hashes in " + Paths.display(store.resolve(DemoUsers.FILE)) + "):");
        users.forEach(user -> console.printf("  %-6s %-18s %s%n", user.name(), user.password(), user.role()));
    }

    private static List<Path> csvFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    private static void emptyStore(Path folder) throws IOException {
        for (String name : STORE_FILES) {
            Files.deleteIfExists(folder.resolve(name));
        }
        // The store is made anew, and so is its default witness: the old store's checkpoints would make the new
        // one look rewound, and sealing would stop. A witness configured elsewhere is never touched.
        Files.deleteIfExists(Sealing.defaultWitnessFile(folder));
    }
}
