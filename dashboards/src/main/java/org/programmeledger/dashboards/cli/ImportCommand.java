package org.programmeledger.dashboards.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.programmeledger.ledger.importing.DryRunReport;
import org.programmeledger.ledger.importing.ImportFormat;
import org.programmeledger.ledger.importing.ImportListener;
import org.programmeledger.ledger.importing.ImportReport;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.RowProblem;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Records CSV files of the import format through the command bus: each file whole or not",
                "at all, every bad line named. Sent to the server running on the store when there is one",
                "(or to --server), otherwise recorded in the local store."})
class ImportCommand implements Callable<Integer> {

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

    @Option(names = "--dry-run", description = {"say what the files would record, and which rows would be refused",
            "or are already recorded, recording nothing"})
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
            if (dryRun) {
                return target.isPresent() ? dryRunOverHttp(target.get(), csvFiles, out)
                        : dryRunLocally(storeFolder, csvFiles, out);
            }
            return target.isPresent() ? overHttp(target.get(), csvFiles, out) : locally(storeFolder, csvFiles, out);
        } finally {
            out.flush();
        }
    }

    private int locally(Path storeFolder, List<Path> csvFiles, PrintWriter out) {
        out.println("Recording " + csvFiles.size() + " file" + (csvFiles.size() == 1 ? "" : "s") + " in the store in "
                + Paths.display(storeFolder));
        ProgressBar bar = new ProgressBar(out, System.console() != null);
        try (ConfigurableApplicationContext application = Application.start(storeFolder,
                LedgerHome.path().resolve("out"))) {
            List<ImportReport> reports = application.getBean(LedgerImporter.class).importFiles(csvFiles,
                    Map.of(RecordingMetaData.CHANNEL, "cli-import", RecordingMetaData.USER, SignIn.loginName(),
                            RecordingMetaData.ROLE, "SECRETARIAT"),
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

    private int overHttp(URI base, List<Path> csvFiles, PrintWriter out) throws IOException, InterruptedException {
        String authorization = signIn.authorization();
        out.println("Sending " + csvFiles.size() + " file" + (csvFiles.size() == 1 ? "" : "s") + " to " + base
                + " as " + signIn.name());
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        ProgressBar bar = new ProgressBar(out, System.console() != null);
        List<Path> ordered = LedgerImporter.inRecordingOrder(csvFiles);
        long recorded = 0;
        int sent = 0;
        for (Path file : ordered) {
            bar.show("sending", sent, ordered.size());
            HttpResponse<String> response;
            try {
                response = client.send(HttpRequest.newBuilder(base.resolve("/api/imports?name="
                                + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)))
                        .header("Content-Type", "text/csv")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                bar.clear();
                spec.commandLine().getErr().println("No server answers at " + base + "; is it running?");
                return 2;
            }
            sent++;
            bar.clear();
            if (response.statusCode() != 200 && response.statusCode() != 422) {
                spec.commandLine().getErr().println(file.getFileName() + ": the server answered "
                        + response.statusCode() + " " + response.body());
                return summary(out, false, ordered.size(), sent, recorded);
            }
            JsonNode answer = json.readTree(response.body());
            List<String> problems = new ArrayList<>();
            answer.path("problems").forEach(problem -> problems.add("line " + problem.path("line").asLong() + ": "
                    + problem.path("message").asText()));
            recorded += answer.path("eventsRecorded").asLong();
            out.println(describe(file.getFileName().toString(), answer.path("format").asText("?"),
                    answer.path("rows").asInt(), answer.path("eventsRecorded").asLong(), problems));
            if (!problems.isEmpty()) {
                return summary(out, false, ordered.size(), sent, recorded);
            }
        }
        return summary(out, true, ordered.size(), sent, recorded);
    }

    private int dryRunLocally(Path storeFolder, List<Path> csvFiles, PrintWriter out) {
        out.println("Dry run against the store in " + Paths.display(storeFolder) + "; nothing will be recorded.");
        try (ConfigurableApplicationContext application = Application.start(storeFolder,
                LedgerHome.path().resolve("out"))) {
            List<DryRunReport> reports = application.getBean(LedgerImporter.class).dryRun(csvFiles,
                    Map.of(RecordingMetaData.CHANNEL, "cli-import", RecordingMetaData.USER, SignIn.loginName(),
                            RecordingMetaData.ROLE, "SECRETARIAT"));
            reports.forEach(report -> report.lines().forEach(out::println));
            return dryRunSummary(out, reports.stream().allMatch(DryRunReport::accepted), csvFiles.size(),
                    reports.size(), reports.stream().mapToLong(DryRunReport::events).sum());
        }
    }

    /** Over HTTP each file is tried on its own against the server's ledger, as it is sent on its own. */
    private int dryRunOverHttp(URI base, List<Path> csvFiles, PrintWriter out) throws IOException,
            InterruptedException {
        out.println("Dry run on " + base + " as " + signIn.name() + "; nothing will be recorded. Each file is tried "
                + "against the ledger as it is now.");
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        long events = 0;
        int tried = 0;
        for (Path file : LedgerImporter.inRecordingOrder(csvFiles)) {
            tried++;
            HttpResponse<String> response;
            try {
                response = client.send(HttpRequest.newBuilder(base.resolve("/api/imports?dryRun=true&name="
                                + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)))
                        .header("Content-Type", "text/csv")
                        .header("Authorization", signIn.authorization())
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                spec.commandLine().getErr().println("No server answers at " + base + "; is it running?");
                return 2;
            }
            if (response.statusCode() != 200 && response.statusCode() != 422) {
                spec.commandLine().getErr().println(file.getFileName() + ": the server answered "
                        + response.statusCode() + " " + response.body());
                return 1;
            }
            JsonNode answer = json.readTree(response.body());
            List<DryRunReport.EventCount> counts = new ArrayList<>();
            answer.path("wouldRecord").forEach(count -> counts.add(new DryRunReport.EventCount(
                    count.path("item").isNull() ? null : count.path("item").asInt(), count.path("event").asText(),
                    count.path("count").asLong())));
            List<Long> repeats = new ArrayList<>();
            answer.path("alreadyRecorded").forEach(line -> repeats.add(line.asLong()));
            List<RowProblem> problems = new ArrayList<>();
            answer.path("problems").forEach(problem -> problems.add(new RowProblem(problem.path("line").asLong(),
                    problem.path("message").asText())));
            DryRunReport report = new DryRunReport(file, ImportFormat.ofLabel(answer.path("format").asText()),
                    answer.path("rows").asInt(), counts, repeats, problems);
            report.lines().forEach(out::println);
            events += report.events();
            if (!report.accepted()) {
                return dryRunSummary(out, false, csvFiles.size(), tried, events);
            }
        }
        return dryRunSummary(out, true, csvFiles.size(), tried, events);
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
