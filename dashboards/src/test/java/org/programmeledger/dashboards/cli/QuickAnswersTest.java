package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's mistake is answered in one line, with exit code 2, at once: the command line checks it before the
 * application starts. Each command runs in its own JVM, with the compiler bin/ledger chooses. "At once" is
 * checked as the JVM's class loading shows it, not by a clock: Spring's application class is never loaded (an
 * idle machine answers in well under a second; one loaded by other builds took 8 s).
 */
class QuickAnswersTest {

    private static final String APPLICATION_CLASS = " org.springframework.boot.SpringApplication ";

    @TempDir
    Path home;

    private record Answer(int exitCode, String output, String classesLoaded) {

        boolean startedTheApplication() {
            return classesLoaded.contains(APPLICATION_CLASS);
        }
    }

    @Test
    void aBadPeriodIsAnsweredAtOnce() throws Exception {
        assertQuickRefusal("ledger jobs run: '2021-Q5' is not a period", "jobs", "run", "period-summary",
                "--period", "2021-Q5");
    }

    @Test
    void anUnknownJobIsAnsweredAtOnceWithTheJobsThereAre() throws Exception {
        assertQuickRefusal("ledger jobs run: no job 'period-sumary'; jobs: activity-register, period-charts, "
                + "period-summary, trend-chart, trend-series", "jobs", "run", "period-sumary");
    }

    @Test
    void aTimeThatIsNoDateIsAnsweredAtOnceWithoutAStackTrace() throws Exception {
        assertQuickRefusal("ledger as-of: 'yesterday' is not a date (2022-07-01) or an instant", "as-of", "yesterday");
    }

    @Test
    void aMissingFileIsAnsweredAtOnce() throws Exception {
        assertQuickRefusal("ledger import: no such file or folder: ", "import", home.resolve("nope.csv").toString());
    }

    @Test
    void aMistypedOptionIsAnsweredInOneLineNamingTheHelp() throws Exception {
        assertQuickRefusal("ledger jobs run: Unknown option: '--perod=2021' Did you mean --period? "
                + "(see 'ledger help jobs run')", "jobs", "run", "period-summary", "--perod=2021");
    }

    @Test
    void serveOnATakenPortSaysSoAndHowToPickAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertQuickRefusal("ledger serve: port " + taken.getLocalPort() + " is taken (by another server?); pick "
                    + "another with --port PORT", "serve", "--port", Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void helpOfASubcommandShowsThatSubcommand() throws Exception {
        Answer help = run("help", "jobs", "run");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: ledger jobs run ");
        assertThat(help.startedTheApplication()).as("the application started").isFalse();
    }

    private void assertQuickRefusal(String message, String... arguments) throws Exception {
        Answer answer = run(arguments);

        assertThat(answer.exitCode()).as(answer.output()).isEqualTo(2);
        assertThat(answer.output()).startsWith(message);
        assertThat(answer.output().strip()).as("one line, no stack trace").doesNotContain("\n");
        assertThat(answer.startedTheApplication()).as("the application started").isFalse();
    }

    private Answer run(String... arguments) throws IOException, InterruptedException {
        Path classLog = Files.createTempFile(home, "classes", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + classLog, "-Dledger.home=" + home,
                "-cp", System.getProperty("java.class.path"), LedgerCli.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();
        String classesLoaded = Files.readString(classLog);
        assertThat(classesLoaded).as("the JVM's class loading log").contains(" " + LedgerCli.class.getName() + " ");
        return new Answer(exitCode, output, classesLoaded);
    }
}
