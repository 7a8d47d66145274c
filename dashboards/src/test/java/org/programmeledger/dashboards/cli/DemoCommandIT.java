package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.importing.SeedData;

/** The main job through the real command line: the seed data in, CSV and chart out, twice the same. */
class DemoCommandIT {

    @TempDir
    Path temp;


    private Cli demo(String out, String store) {
        return Cli.run("demo", "--data", SeedData.folder().toString(),
                "--out", temp.resolve(out).toString(), "--store", temp.resolve(store).toString());
    }

    @Test
    void recordsTheSeedDataAndWritesTheSummaryAndTheChartTwiceByteForByte() throws IOException {
        Cli first = demo("out-1", "store-1");
        Cli second = demo("out-2", "store-2");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains(
                "07-item-completions.csv    item-completions    19 rows    19 events",
                "Recorded 136 events; the ledger is at position 136.",
                "period-summary-gdhk-ipr-2020-mid-2022.csv",
                "trend-residents-passed-examination.png",
                "contest-applications-awards-gdhk-ipr-2020-mid-2022.svg",
                "summary-of-cooperation-items-gdhk-ipr-2020-mid-2022.pdf",
                "2020 - mid-2022: 19 items (19 completed; new in the period: 2, 8, 10, 14), 31 activities, 22 figures",
                "Events in the ledger: 136");
        for (String output : new String[] {"csv/period-summary-gdhk-ipr-2020-mid-2022.csv",
                "charts/trend-residents-passed-examination.png",
                "charts/participants-gdhk-ipr-2020-mid-2022.png", "charts/figures-by-side-gdhk-ipr-2020-mid-2022.svg",
                "charts/contest-applications-awards-gdhk-ipr-2020-mid-2022.png",
                "report/summary-of-cooperation-items-gdhk-ipr-2020-mid-2022.html",
                "report/summary-of-cooperation-items-gdhk-ipr-2020-mid-2022.pdf"}) {
            assertThat(Files.readAllBytes(temp.resolve("out-2").resolve(output)))
                    .as(output).isEqualTo(Files.readAllBytes(temp.resolve("out-1").resolve(output)));
        }
        assertThat(second.exitCode()).isZero();
        assertThat(temp.resolve("out-1/report/summary-of-cooperation-items-gdhk-ipr-2020-mid-2022.html")).content()
                .as("the charts built at the report's position are embedded")
                .contains("<figcaption>Participants in co-operation events, by item</figcaption>")
                .doesNotContain("were not built");
        BufferedImage chart = ImageIO.read(temp.resolve("out-1/charts/trend-residents-passed-examination.png")
                .toFile());
        assertThat(chart.getWidth()).isEqualTo(1000);
        assertThat(chart.getHeight()).isEqualTo(600);
        assertThat(Files.readString(temp.resolve(
                "out-1/charts/trend-residents-passed-examination.png.provenance.json")))
                .contains("\"ledgerPosition\" : 136", "\"job\" : \"trend-chart\"",
                        "\"metric\" : \"residents-passed-examination\"");
    }

    @Test
    void startsAgainFromAnEmptyStoreEachTime() {
        Cli first = demo("out", "store");
        Cli again = demo("out", "store");

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("Recorded 136 events; the ledger is at position 136.");
        assertThat(first.output()).contains("Events in the ledger: 136");
    }

    @Test
    void saysSoWhenThereIsNothingToImport() {
        Cli run = Cli.run("demo", "--data", temp.resolve("empty").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).startsWith("No import files (*.csv) in");
    }

    @Test
    void answersHelpWithoutStartingTheApplication() {
        Cli run = Cli.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("Usage: ledger", "demo");
    }
}
