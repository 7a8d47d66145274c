package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.importing.SeedData;
import picocli.CommandLine;

/** bin/ledger metrics on a local store, through the real command line. */
class MetricsCommandIT {

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
    void listsTheSeedsCatalogueWithHowEachMetricAggregates() {
        String store = temp.resolve("store").toString();
        assertThat(ledger("import", "--store", store, SeedData.folder().toString()).exitCode()).isZero();

        Run metrics = ledger("metrics", "--store", store);

        assertThat(metrics.exitCode()).as(metrics.output()).isZero();
        assertThat(metrics.output().lines().filter(line -> !line.isBlank()).count()).isEqualTo(17);
        assertThat(metrics.output()).contains(
                String.format("%-36s %-11s %-9s %s", "residents-passed-examination", "cumulative", "chartable",
                        "residents"),
                String.format("%-36s %-11s %-9s %s", "participants", "sum", "chartable", "persons"),
                String.format("%-36s %-11s %-9s %s", "inventions-awarded", "sum", "", "inventions"));
    }
}
