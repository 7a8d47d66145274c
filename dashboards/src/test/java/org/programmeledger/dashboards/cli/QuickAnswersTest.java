package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's mistake is answered in one line, with exit code 2, at once: the command line checks it before the
 * application starts, in a JVM of its own ({@link QuickAnswer}): Spring's application class is never loaded (an
 * idle machine answers in well under a second; one loaded by other builds took 8 s). A plan period or metric the
 * store does not hold: StoreCheckedQuickAnswersIT.
 */
class QuickAnswersTest {

    @TempDir
    Path home;

    @Test
    void aBadPeriodIsAnsweredAtOnce() throws Exception {
        assertQuickRefusal("ledger jobs run: '2021-Q5' is not a period", "jobs", "run", "period-summary",
                "--period", "2021-Q5");
    }

    @Test
    void aJobWithoutTheParameterItNeedsIsAnsweredAtOnce() throws Exception {
        assertQuickRefusal("ledger jobs run: period-summary needs --period P: a plan period id, or a year (2021), "
                + "a half-year (2021-H1), a quarter (2021-Q3), a month (2021-04) or a range of days "
                + "(2020-01-01..2021-06-30)", "jobs", "run", "period-summary");
        assertQuickRefusal("ledger jobs run: trend-series needs --metric M", "jobs", "run", "trend-series");
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
    void aMistypedCommandIsAnsweredAtOnceWithTheCommandMeant() throws Exception {
        assertQuickRefusal("ledger: Unmatched arguments from index 0: 'jobz', 'list' Did you mean jobs?", "jobz",
                "list");
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
        QuickAnswer help = QuickAnswer.run(home, "help", "jobs", "run");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: ledger jobs run ");
        assertThat(help.startedTheApplication()).as("the application started").isFalse();
    }

    private void assertQuickRefusal(String message, String... arguments) throws Exception {
        QuickAnswer.run(home, arguments).assertQuickRefusal(message);
    }
}
