package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.importing.SeedData;
import picocli.CommandLine;

/** bin/ledger jobs run and jobs list on a local store, through the real command line. */
class JobsCommandIT {

    @TempDir
    Path temp;

    private record Run(int exitCode, String output) {
    }

    private static Run ledger(String... arguments) {
        StringWriter printed = new StringWriter();
        CommandLine cli = LedgerCli.commandLine();
        cli.setOut(new PrintWriter(printed));
        cli.setErr(new PrintWriter(printed));
        return new Run(cli.execute(arguments), printed.toString());
    }

    @Test
    void runsAJobOnceForALedgerPositionListsItAndRefusesAnUnknownPeriod() {
        String store = temp.resolve("store").toString();
        assertThat(ledger("import", "--store", store, SeedData.folder().toString()).exitCode()).isZero();

        Run built = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "valid-applications",
                "--metric", "participants");
        Run again = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "valid-applications");
        Run unknown = ledger("jobs", "run", "period-summary", "--store", store, "--period", "2021-Q5");
        Run list = ledger("jobs", "list", "--store", store);

        assertThat(built.exitCode()).as(built.output()).isZero();
        assertThat(built.output()).contains("trend-series {metric=valid-applications} COMPLETED",
                "trend-series {metric=participants} COMPLETED", "trend-series-participants-year.csv");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already built from position 136; nothing to do");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("'2021-Q5' is not a period", "gdhk-ipr-2020-mid-2022");
        assertThat(list.output()).contains("trend-series       COMPLETED", "metric=participants position=136");
    }
}
