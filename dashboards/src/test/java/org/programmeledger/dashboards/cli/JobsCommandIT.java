package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.jobs.LedgerJobs;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.outputs.JobArguments;
import org.programmeledger.dashboards.console.StoreGlance;
import org.programmeledger.ledger.importing.SeedData;
import org.springframework.context.ConfigurableApplicationContext;
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
    void theJobNamesTheCommandLineChecksBeforeStartingAreTheApplicationsJobs() {
        try (ConfigurableApplicationContext application = Application.start(temp.resolve("store"), temp.resolve("out"))) {
            assertThat(JobArguments.JOBS).isEqualTo(application.getBean(LedgerJobs.class).names());
        }
    }

    @Test
    void aMisspeltPlanPeriodOrMetricIsRefusedFromAGlanceIntoTheStoreWithWhatThereIs() {
        String store = temp.resolve("store").toString();
        assertThat(ledger("import", "--store", store, SeedData.folder().toString()).exitCode()).isZero();
        assertThat(ledger("metrics", "--store", store).exitCode()).as("the views catch up").isZero();

        Run period = ledger("report", "--store", store, "--period", "gdhk-ipr-2020-mid-202");
        Run metric = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "partcipants");

        assertThat(StoreGlance.of(Path.of(store))).as("the views hold every event").isPresent();
        assertThat(period.exitCode()).isEqualTo(2);
        assertThat(period.output().strip()).isEqualTo("ledger report: no plan period 'gdhk-ipr-2020-mid-202' in the "
                + "ledger; plan periods: gdhk-ipr-2020-mid-2022");
        assertThat(metric.exitCode()).isEqualTo(2);
        assertThat(metric.output().strip()).startsWith("ledger jobs run: trend-series: no metric 'partcipants' in "
                + "the ledger; metrics: ").doesNotContain("\n");
    }

    @Test
    void runsAJobOnceForALedgerPositionListsItAndRefusesAnUnknownPeriod() {
        String store = temp.resolve("store").toString();
        assertThat(ledger("import", "--store", store, SeedData.folder().toString()).exitCode()).isZero();

        Run built = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "valid-applications",
                "--metric", "participants");
        Run again = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "valid-applications");
        Run unknown = ledger("jobs", "run", "period-summary", "--store", store, "--period", "2021-Q5");
        Run decade = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "participants",
                "--bucket", "decade");
        Run notADate = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "participants",
                "--from", "notadate");
        Run list = ledger("jobs", "list", "--store", store);

        assertThat(built.exitCode()).as(built.output()).isZero();
        assertThat(built.output()).contains("trend-series {metric=valid-applications} COMPLETED",
                "trend-series {metric=participants} COMPLETED", "trend-series-participants-year.csv");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already built from position 136; nothing to do");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("'2021-Q5' is not a period", "gdhk-ipr-2020-mid-2022");
        assertThat(decade.exitCode()).as(decade.output()).isEqualTo(2);
        assertThat(decade.output().strip()).isEqualTo("ledger jobs run: trend-series: bucket 'decade' is not one of "
                + "year, half, quarter");
        assertThat(notADate.exitCode()).as(notADate.output()).isEqualTo(2);
        assertThat(notADate.output().strip()).isEqualTo("ledger jobs run: trend-series: from 'notadate' is not a "
                + "year (2004) or a day (2021-07-01)");
        assertThat(list.output()).contains("trend-series       COMPLETED", "metric=participants", "position=136")
                .as("refused before anything ran").doesNotContain("FAILED");
    }

    @Test
    void aRunIntoAnotherFolderOrWhoseFileIsGoneIsBuiltAgain() throws Exception {
        String store = temp.resolve("store").toString();
        assertThat(ledger("import", "--store", store, SeedData.folder().toString()).exitCode()).isZero();
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Path csv = Path.of("csv", "trend-series-participants-year.csv");

        Run built = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "participants", "--out",
                first.toString());
        Run elsewhere = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "participants", "--out",
                second.toString());
        Files.delete(first.resolve(csv));
        Run gone = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "participants", "--out",
                first.toString());
        Run again = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "participants", "--out",
                first.toString());

        assertThat(built.output()).contains("COMPLETED");
        assertThat(elsewhere.exitCode()).as(elsewhere.output()).isZero();
        assertThat(elsewhere.output()).contains("COMPLETED").doesNotContain("already built");
        assertThat(second.resolve(csv)).exists();
        assertThat(gone.output()).contains("COMPLETED").doesNotContain("already built");
        assertThat(first.resolve(csv)).exists();
        assertThat(Files.readAllBytes(first.resolve(csv))).isEqualTo(Files.readAllBytes(second.resolve(csv)));
        assertThat(again.output()).contains("already built from position 136; nothing to do");

        // Files the job repository says were built at 136 but whose provenance names another position.
        Path provenance = first.resolve(csv.toString() + ".provenance.json");
        Files.writeString(provenance, Files.readString(provenance).replaceAll("\"ledgerPosition\" ?: ?136",
                "\"ledgerPosition\" : 135"));
        Run stale = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "participants", "--out",
                first.toString());
        assertThat(stale.output()).contains("COMPLETED").doesNotContain("already built");
        assertThat(Files.readString(provenance)).containsPattern("\"ledgerPosition\" ?: ?136");
    }

    @Test
    void drawsTheTrendChartOfAnyMetricByItsParameterAndRefusesAMisspeltMetricWithTheList() throws Exception {
        String store = temp.resolve("store").toString();
        assertThat(ledger("import", "--store", store, SeedData.folder().toString()).exitCode()).isZero();

        Run passes = ledger("jobs", "run", "trend-chart", "--store", store, "--metric", "residents-passed-examination");
        Run flows = ledger("jobs", "run", "trend-chart", "--store", store, "--metric", "valid-applications");
        Run misspeltChart = ledger("jobs", "run", "trend-chart", "--store", store, "--metric", "partcipants");
        Run misspeltSeries = ledger("jobs", "run", "trend-series", "--store", store, "--metric", "partcipants");

        assertThat(passes.exitCode()).as(passes.output()).isZero();
        assertThat(passes.output()).contains("trend-chart {metric=residents-passed-examination} COMPLETED",
                "trend-residents-passed-examination.png");
        Path chart = Path.of(passes.output().lines().map(String::strip).filter(line -> line.endsWith(".png"))
                .findFirst().orElseThrow());
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(flows.exitCode()).as(flows.output()).isZero();
        assertThat(chart.resolveSibling("trend-valid-applications.png")).isNotEmptyFile();
        assertThat(misspeltChart.exitCode()).isEqualTo(2);
        assertThat(misspeltChart.output()).contains("trend-chart: no chartable metric 'partcipants' in the ledger;"
                + " metrics: ", "participants", "residents-passed-examination");
        assertThat(misspeltSeries.exitCode()).isEqualTo(2);
        assertThat(misspeltSeries.output()).contains("trend-series: no metric 'partcipants' in the ledger; metrics: ",
                "valid-applications");
        assertThat(chart.resolveSibling("trend-partcipants.png")).doesNotExist();
        assertThat(chart.getParent().resolveSibling("csv").resolve("trend-series-partcipants-year.csv"))
                .doesNotExist();
    }
}
