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
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.programmeledger.analytics.period.ReportingPeriods;
import org.programmeledger.dashboards.publication.PublicationCheck;
import org.programmeledger.ledger.publication.PublicationDiff;
import org.programmeledger.ledger.publication.Publications;
import org.programmeledger.ledger.publication.Publications.Publication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The steps of publishing a plan period (submit, approve, return, publish), taken on the running server
 * by a signed-in user, since each step records who took it in which role; and {@code diff}, which
 * shows what changed since a publication.
 */
final class PublicationCommands {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private PublicationCommands() {
    }

    /** What every step needs: the period, a comment, the server and the user. */
    abstract static class Step implements Callable<Integer> {

        private final String path;
        private final String done;

        @Spec
        CommandSpec spec;

        @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "the plan period")
        String period;

        @Option(names = "--comment", paramLabel = "TEXT", description = "a comment recorded with the step")
        String comment;

        @Option(names = "--server", paramLabel = "URL", description = "the server (default: the one running on "
                + "--store)")
        URI server;

        @Option(names = "--store", paramLabel = "DIR", description = "the store (default: var/ledger/)")
        Path store;

        @Mixin
        SignIn signIn;

        /**
         * @param path where the step is posted, under the plan period
         * @param done what was done, e.g. "Submitted plan period %s for approval"
         */
        Step(String path, String done) {
            this.path = path;
            this.done = done;
        }

        String done(JsonNode answer) {
            return String.format(done, period) + ", as " + signIn.name() + ".";
        }

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<URI> base = server != null ? Optional.of(server) : ServerFile.runningServer(storeFolder(store));
            if (base.isEmpty()) {
                err.println("No server runs on " + Paths.display(storeFolder(store)) + ": start 'bin/ledger serve', "
                        + "or name one with --server. Each step is taken by a signed-in user.");
                return 2;
            }
            String body = JSON.writeValueAsString(comment == null ? JSON.createObjectNode()
                    : JSON.createObjectNode().put("comment", comment));
            HttpResponse<String> response;
            try {
                response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.get().resolve(
                                "/api/plan-periods/" + URLEncoder.encode(period, StandardCharsets.UTF_8) + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", signIn.authorization())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                err.println("No server answers at " + base.get() + "; is it running?");
                return 2;
            }
            JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() / 100 != 2) {
                err.println("Refused (" + response.statusCode() + "): " + answer.path("detail").asText(response.body()));
                err.flush();
                return 1;
            }
            out.println(done(answer));
            out.flush();
            return 0;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "Submits a plan period's figures for approval (SECRETARIAT), on the running server.")
    static class Submit extends Step {
        Submit() {
            super("/submission", "Submitted plan period %s for approval");
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approves the submitted figures of a plan period (APPROVER), on the running server.")
    static class Approve extends Step {
        Approve() {
            super("/approval", "Approved plan period %s");
        }
    }

    @Command(name = "return", mixinStandardHelpOptions = true,
            description = "Returns a submission for changes (APPROVER), saying which in --comment.")
    static class Return extends Step {
        Return() {
            super("/return", "Returned plan period %s to the secretariat");
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Publishes the approved figures of a plan period (SECRETARIAT): renders its report and",
                    "summary CSV files at the ledger's head into out/publications/<period>/<n>/ and records them."})
    static class Publish extends Step {
        Publish() {
            super("/publications", "Published plan period %s");
        }

        @Override
        String done(JsonNode answer) {
            StringBuilder text = new StringBuilder("Published plan period " + period + " as publication "
                    + answer.path("number").asInt() + ", from ledger position " + answer.path("position").asLong()
                    + " (digest " + answer.path("digest").asText() + "), in " + answer.path("folder").asText() + ":");
            answer.path("files").forEach(file -> text.append(System.lineSeparator()).append("  ")
                    .append(file.path("sha256").asText()).append("  ").append(file.path("path").asText()));
            return text.toString();
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Lists every item, activity and figure of a plan period that changed since a publication:",
                    "what it was, what it is now, and the events that changed it, by whom, when and why."})
    static class Diff implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--publication", required = true, paramLabel = "N", description = "the publication number")
        int number;

        @Option(names = "--period", paramLabel = "PERIOD",
                description = "the plan period (needed when several have a publication N)")
        String period;

        @Option(names = "--server", paramLabel = "URL", description = "ask this server")
        URI server;

        @Mixin
        StoreOption store;

        @Mixin
        SignIn signIn;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Optional<URI> base = server != null ? Optional.of(server) : ServerFile.runningServer(store.folder());
            PublicationDiff.Diff diff = base.isPresent() ? overHttp(base.get()) : locally();
            if (diff == null) {
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            PublicationDiff.lines(diff).forEach(out::println);
            out.flush();
            return 0;
        }

        private PublicationDiff.Diff locally() {
            try (ConfigurableApplicationContext application = store.open("")) {
                Publications publications = application.getBean(Publications.class);
                Publication publication = publications.find(period, number,
                        application.getBean(ReportingPeriods.class).planPeriodIds());
                return application.getBean(PublicationDiff.class).since(publication);
            }
        }

        private PublicationDiff.Diff overHttp(URI base) throws IOException, InterruptedException {
            String path = period == null ? "/api/publications/" + number + "/changes"
                    : "/api/plan-periods/" + URLEncoder.encode(period, StandardCharsets.UTF_8) + "/publications/"
                    + number + "/changes";
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", signIn.authorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                spec.commandLine().getErr().println("The server answered " + response.statusCode() + ": "
                        + JSON.readTree(response.body()).path("detail").asText(response.body()));
                spec.commandLine().getErr().flush();
                return null;
            }
            return JSON.readValue(response.body(), PublicationDiff.Diff.class);
        }
    }

    /** The verdict of 'verify --publication', printed finding by finding. */
    static int print(PublicationCheck.Result result, PrintWriter out) {
        out.println("Publication " + result.number() + " of plan period " + result.periodId() + ":");
        result.findings().forEach(finding -> out.println("  " + (finding.holds() ? "ok   " : "FAIL ") + finding.what()));
        out.println(result.holds() ? "The publication matches the ledger." : "The publication does NOT match the ledger.");
        out.flush();
        return result.holds() ? 0 : 1;
    }

    private static Path storeFolder(Path store) {
        return store != null ? store : DefaultStore.forReading();
    }
}
