package org.programmeledger.dashboards.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.programmeledger.analytics.reads.ReplayReport;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.dashboards.console.ArgumentChecks;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.ProgressBar;
import org.programmeledger.dashboards.console.StoreGlance;
import org.programmeledger.dashboards.console.StoreOption;
import org.programmeledger.dashboards.console.UsageRefusal;
import org.programmeledger.dashboards.publication.PublicationCommands;
import org.programmeledger.ledger.service.AsOfState;
import org.programmeledger.ledger.service.AuditEntry;
import org.programmeledger.ledger.facade.Audit;
import org.programmeledger.ledger.facade.Verification;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledger.service.CanonicalJson;
import org.programmeledger.analytics.facade.Periods;
import org.programmeledger.dashboards.publication.PublicationCheck;
import org.programmeledger.ledger.facade.PublicationRecords;
import org.programmeledger.ledger.service.Publication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The auditors' commands: history, as-of, verify, digest, audit-trail and replay, on the local store. */
public final class AuditCommands {

    private static final ObjectMapper JSON = CanonicalJson.mapper();

    private AuditCommands() {
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            header = "Every event of a period, item, activity or organisation.",
            description = "Every event of a plan period, an item, an activity or an organisation, in order: what it "
                    + "said, "
                    + "who recorded it, when it was recorded and when it happened. A correction or retraction is shown "
                    + "under what it corrects.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed",
                    "2:no such plan period, item, activity or organisation, or a usage error"},
            footerHeading = "%nExample:%n", footer = "  bin/ledger history --period gdhk-ipr-2020-mid-2022 --item 2")
    public static class History implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;

        @ArgGroup(multiplicity = "1")
        Subject subject;

        static class Subject {
            @Option(names = "--period", paramLabel = "ID", description = "a plan period (with --item or --activity)")
            String period;
            @Option(names = "--organisation", paramLabel = "ID", description = "an organisation")
            String organisation;
        }

        @Option(names = "--item", paramLabel = "N", description = "an item of the period")
        Integer item;
        @Option(names = "--activity", paramLabel = "ID", description = "an activity of the period")
        String activity;
        @Option(names = "--json", description = "print JSON instead of text")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (subject.period != null) {
                ArgumentChecks.planPeriod(subject.period, StoreGlance.of(store.folder()));
            }
            try (ConfigurableApplicationContext application = store.open("/api/audit/history?" + query())) {
                Audit trail = application.getBean(Audit.class);
                List<AuditEntry> entries = subject.organisation != null ? trail.organisation(subject.organisation)
                        : item != null ? trail.item(subject.period, item)
                        : activity != null ? trail.activity(subject.period, activity)
                        : trail.period(subject.period);
                if (entries.isEmpty()) {
                    // Every record of the ledger starts with an event: none means none by that id.
                    throw new UsageRefusal((subject.organisation != null ? "organisation " + subject.organisation
                            : item != null ? "item " + item + " of plan period " + subject.period
                            : activity != null ? "activity " + activity + " of plan period " + subject.period
                            : "plan period " + subject.period) + " is not in the ledger: no event names it");
                }
                if (json) {
                    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries));
                } else {
                    entries.forEach(entry -> out.println(describe(entry)));
                }
            }
            out.flush();
            return 0;
        }

        private String query() {
            return subject.organisation != null ? "organisation=" + subject.organisation
                    : "period=" + subject.period + (item != null ? "&item=" + item : "")
                    + (activity != null ? "&activity=" + activity : "");
        }

        private static String describe(AuditEntry entry) {
            Map<String, Object> meta = entry.metaData();
            String who = meta.getOrDefault("user", "?") + "/" + meta.getOrDefault("role", "?") + " via "
                    + meta.getOrDefault("channel", "?");
            String what = entry.payload().entrySet().stream()
                    .filter(field -> !field.getKey().equals("periodId") && !field.getKey().equals("source"))
                    .map(field -> field.getKey() + "=" + field.getValue()).collect(Collectors.joining(", "));
            String indent = entry.corrects() == null ? "" : "    ↳ corrects " + entry.corrects() + ": ";
            return indent + "#" + entry.position() + " " + entry.event() + " recorded " + entry.recordedAt() + " by "
                    + who + (entry.occurred() == null ? "" : "; occurred " + entry.occurred())
                    + System.lineSeparator() + (indent.isEmpty() ? "" : "    ") + "    " + what;
        }
    }

    @Command(name = "as-of", mixinStandardHelpOptions = true,
            header = "The programme as the ledger knew it at a past recording time.",
            description = "The state of the programme (or of one plan period) as the ledger knew it at a past "
                    + "recording "
                    + "time: AT is a date (its end, UTC) or an instant (2022-07-01T12:00:00Z).",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed",
                    "2:AT is no date or instant, no such plan period, or a usage error"},
            footerHeading = "%nExample:%n", footer = "  bin/ledger as-of 2022-07-01 --period gdhk-ipr-2020-mid-2022")
    public static class AsOfCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "AT", description = "a date or an instant")
        String at;
        @Option(names = "--period", paramLabel = "ID", description = "only this plan period")
        String period;
        @Option(names = "--json", description = "print JSON instead of text")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Instant time = ArgumentChecks.recordingTime(at);
            if (period != null) {
                ArgumentChecks.planPeriod(period, StoreGlance.of(store.folder()));
            }
            try (ConfigurableApplicationContext application = store.open("/api/audit/as-of?at=" + at
                    + (period == null ? "" : "&period=" + period))) {
                AsOfState state = application.getBean(Audit.class).asOf(time, period);
                if (json) {
                    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
                } else {
                    print(out, state);
                }
            }
            out.flush();
            return 0;
        }

        private static void print(PrintWriter out, AsOfState state) {
            out.println("As recorded up to " + state.at() + ": " + state.events() + " events, up to ledger position "
                    + state.position() + ".");
            for (AsOfState.Period period : state.periods()) {
                out.println(period.periodId() + " (" + period.label() + "): " + period.items().size() + " items, "
                        + period.activities().stream().filter(a -> !a.retracted()).count() + " activities, "
                        + period.figures().size() + " figures");
                for (AsOfState.Item item : period.items()) {
                    out.println("  item " + item.number() + " [" + item.status() + "] " + item.title());
                    printFigures(out, period.figures().stream()
                            .filter(f -> Objects.equals(f.item(), item.number())).toList());
                }
                List<AsOfState.Figure> ofThePeriod = period.figures().stream().filter(f -> f.item() == null).toList();
                if (!ofThePeriod.isEmpty()) {
                    out.println("  the plan period itself");
                    printFigures(out, ofThePeriod);
                }
            }
        }

        private static void printFigures(PrintWriter out, List<AsOfState.Figure> figures) {
            figures.forEach(f -> out.println("      " + f.figureId() + " " + f.metric() + ": " + f.statedAs() + " "
                    + f.unit() + (f.corrected() ? " (corrected)" : "")));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            header = "Checks every seal, signature and checkpoint of the ledger.",
            description = "Checks every sealed event against its leaf and authenticator, every checkpoint's "
                    + "signature and "
                    + "root, and the ledger against the newest witnessed checkpoint, and reports the first position "
                    + "where it breaks; events committed but not sealed yet are counted, not blamed. With --digest, "
                    + "also proves the ledger still passes through that digest; with --publication, that a "
                    + "publication's files still match the ledger.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:intact",
                    "1:broken",
                    UsageRefusal.EXIT_CODE},
            footerHeading = "%nExample:%n", footer = "  bin/ledger verify --digest digest.json")
    public static class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Option(names = "--digest", paramLabel = "FILE", description = "a digest written by 'digest --to'")
        Path digest;
        @Option(names = "--publication", paramLabel = "N", description = "prove that publication N's files still "
                + "match the ledger: its digest, its bytes, and the same bytes when rendered again")
        Integer publication;
        @Option(names = "--period", paramLabel = "PERIOD",
                description = "the plan period of --publication (needed when several have a publication N)")
        String period;
        @Option(names = "--out", paramLabel = "DIR", description = "where the publications are kept, under "
                + "publications/ (default: the store's folder under out/)")
        Path output;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (publication != null) {
                try (ConfigurableApplicationContext application = store.open("/api/plan-periods/"
                        + (period == null ? "<period>" : period) + "/publications/" + publication + "/verification", "any role",
                        output)) {
                    Publication published = application.getBean(PublicationRecords.class).find(period, publication,
                            application.getBean(Periods.class).planPeriodIds());
                    return PublicationCommands.print(application.getBean(PublicationCheck.class).check(published), out);
                }
            }
            Digest expected = digest == null ? null : digest(ArgumentChecks.existing(digest));
            try (ConfigurableApplicationContext application = store.open("/api/audit/verify")) {
                VerifyReport report = application.getBean(Verification.class).verify(expected);
                out.println(report);
                if (expected != null && report.intact()) {
                    out.println("The ledger extends the digest at position " + expected.position() + ".");
                }
                out.flush();
                return report.intact() ? 0 : 1;
            }
        }
    }

    /** A digest file as 'digest --to' writes it; any other file is refused in one line. */
    static Digest digest(Path file) throws IOException {
        Digest digest;
        try {
            digest = JSON.readValue(file.toFile(), Digest.class);
        } catch (JsonProcessingException e) {
            throw new UsageRefusal(file + " is not a digest written by 'digest --to': "
                    + e.getOriginalMessage().split(" \\(class |\n")[0]);
        }
        if (digest == null || digest.hash() == null || digest.position() < 0) {
            throw new UsageRefusal(file + " is not a digest written by 'digest --to': it names no position and hash");
        }
        return digest;
    }

    @Command(name = "digest", mixinStandardHelpOptions = true,
            header = "Verifies the ledger and prints its digest to hand over.",
            description = "Verifies the ledger, then prints its digest (position, tree root, time, tree size) to "
                    + "publish "
                    + "or hand over; a ledger that does not verify gets no digest.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed",
                    "1:the ledger does not verify",
                    UsageRefusal.EXIT_CODE},
            footerHeading = "%nExample:%n", footer = "  bin/ledger digest --to digest.json")
    public static class DigestOfHead implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Option(names = "--to", paramLabel = "FILE", description = "also write it to FILE")
        Path to;

        @Override
        public Integer call() throws IOException {
            try (ConfigurableApplicationContext application = store.open("/api/audit/digest")) {
                Verification verifier = application.getBean(Verification.class);
                VerifyReport report = verifier.verify();
                if (!report.intact()) {
                    spec.commandLine().getErr().println("No digest of a broken ledger: " + report);
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                String digest = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(verifier.digest());
                if (to != null) {
                    Files.writeString(to, digest + System.lineSeparator(), StandardCharsets.UTF_8);
                }
                spec.commandLine().getOut().println(digest);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "audit-trail", mixinStandardHelpOptions = true,
            header = "Writes the full audit trail as CSV.",
            description = "Writes the full audit trail as CSV: one row per event, every metadata field (who, role, "
                    + "channel, file and line, times).",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written",
                    UsageRefusal.EXIT_CODE},
            footerHeading = "%nExample:%n", footer = "  bin/ledger audit-trail --to trail.csv")
    public static class Trail implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;
        @Option(names = "--to", paramLabel = "FILE", required = true, description = "the CSV file to write")
        Path to;

        @Override
        public Integer call() throws IOException {
            try (ConfigurableApplicationContext application = store.open("/api/audit/trail.csv");
                 Writer writer = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
                long rows = application.getBean(Audit.class).writeTrail(writer);
                spec.commandLine().getOut().println("Wrote " + rows + " events to " + Paths.display(to));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            header = "Rebuilds the views from the events and compares them.",
            description = "Rebuilds every read model from the event store from zero and compares the rebuilt views "
                    + "with "
                    + "the ones before. Reads the store itself: stop a server running on it first.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the rebuilt views are identical",
                    "1:they differ",
                    UsageRefusal.EXIT_CODE},
            footerHeading = "%nExample:%n", footer = "  bin/ledger replay")
    public static class Replay implements Callable<Integer> {

        private static final Duration PROGRESS_LINE_EVERY = Duration.ofSeconds(5);

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            boolean terminal = System.console() != null;
            ProgressBar bar = new ProgressBar(out, terminal);
            long[] lastLine = {System.nanoTime()};
            try (ConfigurableApplicationContext application = store.openStopped()) {
                ReplayReport report = application.getBean(ReadModels.class).replay(Duration.ofHours(1),
                        progress(bar, terminal, lastLine, "catching up", "Catching up"),
                        progress(bar, terminal, lastLine, "replaying", "Replaying"));
                bar.clear();
                out.println("Replayed " + report.position() + " positions into " + report.rows() + " view rows.");
                if (report.identical()) {
                    out.println("The rebuilt views are identical to the ones before.");
                    out.flush();
                    return 0;
                }
                out.println("The rebuilt views DIFFER from the ones before:");
                report.differences().forEach(difference -> out.println("  " + difference));
                out.flush();
                return 1;
            }
        }

        /**
         * Shows a phase of the replay: a bar on a terminal; without one (a log, a service), a line now and then, so
         * that a long replay is seen to move and which phase it is in.
         */
        private BiConsumer<Long, Long> progress(ProgressBar bar, boolean terminal, long[] lastLine, String label,
                                                String line) {
            PrintWriter out = spec.commandLine().getOut();
            return (reached, head) -> {
                bar.show(label, (int) Math.min(reached, head), (int) (long) head);
                if (!terminal && System.nanoTime() - lastLine[0] > PROGRESS_LINE_EVERY.toNanos()) {
                    lastLine[0] = System.nanoTime();
                    out.println(line + ": position " + reached + " of " + head + ".");
                    out.flush();
                }
            };
        }
    }
}
