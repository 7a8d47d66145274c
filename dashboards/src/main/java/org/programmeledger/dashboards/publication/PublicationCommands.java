package org.programmeledger.dashboards.publication;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.programmeledger.analytics.facade.Periods;
import org.programmeledger.dashboards.console.DefaultStore;
import org.programmeledger.dashboards.console.LedgerServer;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.ServerFile;
import org.programmeledger.dashboards.console.SignIn;
import org.programmeledger.dashboards.console.StoreOption;
import org.programmeledger.dashboards.console.UsageRefusal;
import org.programmeledger.ledger.facade.PublicationRecords;
import org.programmeledger.ledger.service.Publication;
import org.programmeledger.ledger.service.PublicationChanges;
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
public final class PublicationCommands {

    private PublicationCommands() {
    }

    /** What every step needs: the period, the server and the user; each step has its comment. */
    abstract static class Step implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "the plan period")
        String period;

        @Option(names = "--server", paramLabel = "URL", description = "the server (default: the one running on "
                + "--store)")
        URI server;

        @Option(names = "--store", paramLabel = "DIR", description = "the store (default: var/ledger/)")
        Path store;

        @Mixin
        SignIn signIn;

        /** Takes the step on the server; what was done, in a line or more. */
        abstract String take(LedgerServer server);

        /** Records a step of the workflow with its comment; what was done, and by whom. */
        String recorded(LedgerServer server, String step, String comment, String done) {
            server.step(period, step, comment);
            return done + ", as " + signIn.name() + ".";
        }

        @Override
        public Integer call() {
            Path folder = store != null ? store : DefaultStore.forReading();
            URI base = Optional.ofNullable(server).or(() -> ServerFile.runningServer(folder))
                    .orElseThrow(() -> new UsageRefusal("no server runs on " + Paths.display(folder) + ": start "
                            + "'bin/ledger serve', or name one with --server; each step is taken by a signed-in user"));
            PrintWriter out = spec.commandLine().getOut();
            out.println(take(new LedgerServer(base, signIn)));
            out.flush();
            return 0;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true,
            header = "Submits a plan period's figures for approval (SECRETARIAT).",
            description = "Submits a plan period's figures for approval, on the running server, as the signed-in user "
                    + "(role SECRETARIAT).",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:submitted",
                    "1:refused by the server (its reason is printed)",
                    "2:no server runs, it did not accept the sign-in, or a usage error"},
            footerHeading = "%nExample:%n",
            footer = "  bin/ledger submit --period gdhk-ipr-2020-mid-2022 --user sam")
    public static class Submit extends Step {

        @Option(names = "--comment", paramLabel = "TEXT", description = "a comment recorded with the step")
        String comment;

        @Override
        String take(LedgerServer server) {
            return recorded(server, "submission", comment, "Submitted plan period " + period + " for approval");
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            header = "Approves a plan period's submitted figures (APPROVER).",
            description = "Approves the submitted figures of a plan period, on the running server, as the signed-in "
                    + "user "
                    + "(role APPROVER).",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:approved",
                    "1:refused by the server (its reason is printed)",
                    "2:no server runs, it did not accept the sign-in, or a usage error"},
            footerHeading = "%nExample:%n",
            footer = "  bin/ledger approve --period gdhk-ipr-2020-mid-2022 --user avery")
    public static class Approve extends Step {

        @Option(names = "--comment", paramLabel = "TEXT", description = "a comment recorded with the step")
        String comment;

        @Override
        String take(LedgerServer server) {
            return recorded(server, "approval", comment, "Approved plan period " + period);
        }
    }

    @Command(name = "return", mixinStandardHelpOptions = true,
            header = "Returns a submission to the secretariat for changes (APPROVER).",
            description = "Returns a submitted plan period to the secretariat, on the running server, as the signed-in "
                    + "user (role APPROVER), saying in --comment what to change: the ledger requires it.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:returned",
                    "1:refused by the server (its reason is printed)",
                    "2:no server runs, it did not accept the sign-in, or a usage error"},
            footerHeading = "%nExample:%n",
            footer = "  bin/ledger return --period gdhk-ipr-2020-mid-2022 --comment \"item 2: the 2021 count\"")
    public static class Return extends Step {

        /** Required, as the ledger requires it: the secretariat must learn what to change. */
        @Option(names = "--comment", required = true, paramLabel = "TEXT",
                description = "what the secretariat should change")
        String comment;

        @Override
        String take(LedgerServer server) {
            return recorded(server, "return", comment, "Returned plan period " + period + " to the secretariat");
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            header = "Publishes a plan period's approved figures (SECRETARIAT).",
            description = "Publishes the approved figures of a plan period, on the running server: renders its "
                    + "report and "
                    + "summary CSV files at the ledger's head into publications/<period>/<n>/ of the store's output folder (out/<store>/) and records them "
                    + "with their checksums.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:published",
                    "1:refused by the server (its reason is printed)",
                    "2:no server runs, it did not accept the sign-in, or a usage error"},
            footerHeading = "%nExample:%n",
            footer = "  bin/ledger publish --period gdhk-ipr-2020-mid-2022")
    public static class Publish extends Step {

        @Option(names = "--comment", paramLabel = "TEXT", description = "a comment recorded with the publication")
        String comment;

        @Override
        String take(LedgerServer server) {
            Publisher.Published published = server.publish(period, comment, Publisher.Published.class);
            StringBuilder text = new StringBuilder("Published plan period " + period + " as publication "
                    + published.number() + ", from ledger position " + published.position() + " (digest "
                    + published.digest() + "), in " + published.folder() + ":");
            published.files().forEach(file -> text.append(System.lineSeparator()).append("  ").append(file.sha256())
                    .append("  ").append(file.path()));
            return text.toString();
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            header = "Lists what changed in a plan period since a publication.",
            description = "Lists every item, activity and figure of a plan period that changed since a publication: "
                    + "what "
                    + "it was, what it is now, and the events that changed it, by whom, when and why. Asks the running "
                    + "server when one runs on the store.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:listed",
                    "1:refused by the server",
                    "2:no such publication, or a usage error"},
            footerHeading = "%nExample:%n",
            footer = "  bin/ledger diff --publication 1 --period gdhk-ipr-2020-mid-2022")
    public static class Diff implements Callable<Integer> {

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
        public Integer call() {
            Optional<URI> base = server != null ? Optional.of(server) : ServerFile.runningServer(store.folder());
            PublicationChanges diff = base.isPresent() ? new LedgerServer(base.get(), signIn).changes(period, number)
                    : locally();
            PrintWriter out = spec.commandLine().getOut();
            diff.lines().forEach(out::println);
            out.flush();
            return 0;
        }

        private PublicationChanges locally() {
            try (ConfigurableApplicationContext application = store.openStopped()) {
                PublicationRecords publications = application.getBean(PublicationRecords.class);
                Publication publication = publications.find(period, number,
                        application.getBean(Periods.class).planPeriodIds());
                return application.getBean(PublicationRecords.class).changesSince(publication);
            }
        }
    }

    /** The verdict of 'verify --publication', printed finding by finding. */
    public static int print(PublicationCheck.Result result, PrintWriter out) {
        out.println("Publication " + result.number() + " of plan period " + result.periodId() + ":");
        result.findings().forEach(finding -> out.println("  " + (finding.holds() ? "ok   " : "FAIL ") + finding.what()));
        out.println(result.holds() ? "The publication matches the ledger." : "The publication does NOT match the ledger.");
        out.flush();
        return result.holds() ? 0 : 1;
    }
}
