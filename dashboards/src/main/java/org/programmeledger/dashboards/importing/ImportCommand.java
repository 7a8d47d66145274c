package org.programmeledger.dashboards.importing;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.console.ArgumentChecks;
import org.programmeledger.dashboards.console.DefaultStore;
import org.programmeledger.dashboards.console.LedgerServer;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.ProgressBar;
import org.programmeledger.dashboards.console.ServerFile;
import org.programmeledger.dashboards.console.SignIn;
import org.programmeledger.ledger.service.DryRunReport;
import org.programmeledger.ledger.service.ImportAnswer;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.service.ImportUpdate;
import org.programmeledger.ledger.facade.Imports;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Records CSV import files, each whole or not at all.",
        description = "Records CSV files (or folders of them) in the order their kinds require, each file whole or not "
                + "at all, every bad line named, with progress on a terminal. Sent to the server running on the "
                + "store when there is one (or to --server), streaming its progress; otherwise recorded in the "
                + "local store.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every file recorded (or, with --dry-run, would be)",
                "1:a file was refused; the files after it were not sent",
                "2:a missing file, no server answers, or the server did not accept the sign-in"},
        footerHeading = "%nExample:%n", footer = "  bin/ledger import data/ --dry-run")
public class ImportCommand implements Callable<Integer> {

    /** Local commands record as the login name, with the role of whoever may open the store's file. */
    private static final Map<String, String> RECORDED_BY = Map.of(RecordingMetaData.CHANNEL, "cli-import",
            RecordingMetaData.USER, SignIn.loginName(), RecordingMetaData.ROLE, "SECRETARIAT");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files, or folders of them")
    List<Path> files;

    @Option(names = "--server", paramLabel = "URL", description = "send to this server (e.g. http://localhost:8080)")
    URI server;

    @Option(names = "--local", description = "record in the local store even if a server runs on it")
    boolean local;

    @Option(names = "--store", paramLabel = "DIR", description = "the store (default: var/ledger/)")
    Path store;

    @Option(names = "--dry-run", description = "say what the files would record, and which rows would be refused "
            + "or are already recorded, recording nothing")
    boolean dryRun;

    @Mixin
    SignIn signIn;

    @Override
    public Integer call() throws Exception {
        Path storeFolder = store != null ? store : DefaultStore.ledger();
        List<Path> csvFiles = expand(files);
        if (csvFiles.isEmpty()) {
            spec.commandLine().getErr().println("No CSV files in " + files);
            return 2;
        }
        Optional<URI> target = local ? Optional.empty()
                : server != null ? Optional.of(server)
                : ServerFile.runningServer(store != null ? store : DefaultStore.forReading());
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (target.isPresent()) {
                return overHttp(target.get(), csvFiles, out);
            }
            return dryRun ? dryRunLocally(storeFolder, csvFiles, out) : locally(storeFolder, csvFiles, out);
        } finally {
            out.flush();
        }
    }

    private int locally(Path storeFolder, List<Path> csvFiles, PrintWriter out) {
        out.println("Recording " + csvFiles.size() + " file" + (csvFiles.size() == 1 ? "" : "s") + " in the store in "
                + Paths.display(storeFolder));
        ProgressBar bar = new ProgressBar(out, System.console() != null);
        try (ConfigurableApplicationContext application = Application.start(storeFolder,
                DefaultStore.outputs(storeFolder))) {
            List<ImportReport> reports = application.getBean(Imports.class).importFiles(csvFiles, RECORDED_BY,
                    new ImportListener() {
                        @Override
                        public void rowDone(Path file, int done, int total) {
                            bar.show(file.getFileName().toString(), done, total);
                        }

                        @Override
                        public void fileDone(ImportReport report) {
                            bar.clear();
                            out.println(describe(report.file().getFileName().toString(),
                                    report.format() == null ? "?" : report.format().label(), report.rows(),
                                    report.eventsRecorded(), report.problems().stream().map(Object::toString).toList()));
                        }
                    });
            return summary(out, reports.stream().allMatch(ImportReport::accepted), csvFiles.size(), reports.size(),
                    reports.stream().mapToLong(ImportReport::eventsRecorded).sum());
        }
    }

    /**
     * Each file is sent on its own, in recording order, and the server's progress is shown as it streams it; a dry
     * run tries each file against the server's ledger as it is now.
     */
    private int overHttp(URI base, List<Path> csvFiles, PrintWriter out) {
        LedgerServer server = new LedgerServer(base, signIn);
        out.println(dryRun ? "Dry run on " + base + " as " + signIn.name() + "; nothing will be recorded. Each file "
                + "is tried against the ledger as it is now."
                : "Sending " + csvFiles.size() + " file" + (csvFiles.size() == 1 ? "" : "s") + " to " + base + " as "
                + signIn.name());
        ProgressBar bar = new ProgressBar(out, System.console() != null);
        List<Path> ordered = Imports.inRecordingOrder(csvFiles);
        long events = 0;
        int sent = 0;
        for (Path file : ordered) {
            sent++;
            ImportUpdate answer;
            try {
                answer = server.importFile(file, dryRun, rows -> bar.show(rows.file(), rows.done(), rows.total()));
            } finally {
                bar.clear();
            }
            boolean accepted;
            if (dryRun) {
                DryRunReport report = answer.dryRun().report();
                report.lines().forEach(out::println);
                events += report.events();
                accepted = report.accepted();
            } else {
                ImportAnswer imported = answer.imported();
                out.println(describe(imported.file(), imported.format() == null ? "?" : imported.format(),
                        imported.rows(), imported.eventsRecorded(),
                        imported.problems().stream().map(Object::toString).toList()));
                events += imported.eventsRecorded();
                accepted = imported.accepted();
            }
            if (!accepted) {
                return dryRun ? dryRunSummary(out, false, ordered.size(), sent, events)
                        : summary(out, false, ordered.size(), sent, events);
            }
        }
        return dryRun ? dryRunSummary(out, true, ordered.size(), sent, events)
                : summary(out, true, ordered.size(), sent, events);
    }

    private int dryRunLocally(Path storeFolder, List<Path> csvFiles, PrintWriter out) {
        out.println("Dry run against the store in " + Paths.display(storeFolder) + "; nothing will be recorded.");
        ProgressBar bar = new ProgressBar(out, System.console() != null);
        try (ConfigurableApplicationContext application = Application.start(storeFolder,
                DefaultStore.outputs(storeFolder))) {
            List<DryRunReport> reports = application.getBean(Imports.class).dryRun(csvFiles, RECORDED_BY,
                    new ImportListener() {
                        @Override
                        public void rowDone(Path file, int done, int total) {
                            bar.show(file.getFileName().toString(), done, total);
                        }
                    });
            bar.clear();
            reports.forEach(report -> report.lines().forEach(out::println));
            return dryRunSummary(out, reports.stream().allMatch(DryRunReport::accepted), csvFiles.size(),
                    reports.size(), reports.stream().mapToLong(DryRunReport::events).sum());
        }
    }

    private static int dryRunSummary(PrintWriter out, boolean accepted, int files, int tried, long events) {
        out.println("Dry run: nothing was recorded. " + (accepted
                ? "Importing would record " + events + " new events from " + files + " file" + (files == 1 ? "" : "s")
                + "."
                : "A file would be refused" + (tried < files ? "; the " + (files - tried) + " file(s) after it were "
                + "not tried, since they may depend on it." : ".")));
        return accepted ? 0 : 1;
    }

    private static String describe(String file, String format, int rows, long events, List<String> problems) {
        if (problems.isEmpty()) {
            return String.format("  %-26s %-17s %4d rows %5d events", file, format, rows, events);
        }
        StringBuilder text = new StringBuilder(String.format("  %-26s refused, nothing recorded:", file));
        problems.forEach(problem -> text.append(System.lineSeparator()).append("    ").append(problem));
        return text.toString();
    }

    private static int summary(PrintWriter out, boolean accepted, int files, int done, long events) {
        if (accepted) {
            out.println("Recorded " + events + " new events from " + files + " file" + (files == 1 ? "" : "s") + ".");
            return 0;
        }
        out.println("Stopped: a file was refused. " + events + " new events from the " + (done - 1)
                + " file(s) before it; " + (files - done) + " file(s) after it not sent.");
        return 1;
    }

    private static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> csv = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(child -> child.toString().endsWith(".csv")).sorted().forEach(csv::add);
                }
            } else {
                csv.add(ArgumentChecks.existing(path));
            }
        }
        return csv;
    }
}
