package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.jobs.JobRunner;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.report.PositionRendering;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledger.transfer.LedgerEventImport;
import org.programmeledger.ledger.transfer.LedgerExport;
import org.programmeledger.ledgertest.PostgresTestServer;
import org.springframework.batch.core.Job;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Moving the seed ledger from the embedded H2 store to a real PostgreSQL through export and import-events;
 * a past position renders the same bytes from either store.
 */
class TransferIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";
    private static final String SUMMARY = "csv/period-summary-" + PERIOD + ".csv";

    @TempDir
    Path temp;

    @Test
    void movesTheLedgerToPostgresWithTheSameDigestAndTheSameOutputs() throws Exception {
        Path export = temp.resolve("ledger.jsonl");
        Digest exported;
        try (ConfigurableApplicationContext h2 = Application.start(temp.resolve("h2"), temp.resolve("out-h2"))) {
            h2.getBean(LedgerImporter.class).importFiles(SeedData.files(),
                    Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
            summarise(h2);
            try (Writer writer = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
                exported = h2.getBean(LedgerExport.class).write(writer, written -> { });
            }
            h2.getBean(PositionRendering.class).render(PERIOD, 100, temp.resolve("at-100-h2"));
        }
        PostgresTestServer postgres = PostgresTestServer.get();
        try (ConfigurableApplicationContext pg = Application.start(temp.resolve("pg"), temp.resolve("out-pg"),
                "--spring.datasource.url=" + postgres.createDatabase(),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password())) {
            Digest loaded = pg.getBean(LedgerEventImport.class).load(export, n -> { });
            summarise(pg);

            assertThat(loaded).isEqualTo(exported);
            assertThat(pg.getBean(LedgerVerifier.class).digest()).isEqualTo(exported);
            assertThat(pg.getBean(LedgerVerifier.class).verify().intact()).isTrue();
            List<PublishedFile> rendered = pg.getBean(PositionRendering.class).render(PERIOD, 100,
                    temp.resolve("at-100-pg"));
            assertThat(rendered).hasSize(12).isEqualTo(PositionRendering.files(temp.resolve("at-100-h2")));
        }
        assertThat(exported.events()).isEqualTo(136);
        assertThat(Files.readAllBytes(temp.resolve("out-pg").resolve(SUMMARY)))
                .isEqualTo(Files.readAllBytes(temp.resolve("out-h2").resolve(SUMMARY)));
    }

    @Test
    void refusesAChangedOrCutShortExportAtItsLineAndLoadsNothing() throws Exception {
        Path store = temp.resolve("source");
        assertThat(Cli.run("import", "--store", store.toString(), SeedData.folder().toString()).exitCode()).isZero();
        Path export = temp.resolve("ledger.jsonl");
        assertThat(Cli.run("export", "--store", store.toString(), "--to", export.toString()).output())
                .contains("Exported 136 events");
        List<String> lines = Files.readAllLines(export);
        int figureLine = indexOf(lines, "\\\"figureId\\\":\\\"2.2.2\\\"") + 1;
        Path changed = temp.resolve("changed.jsonl");
        Files.write(changed, lines.stream().map(line -> line.replace("\\\"value\\\":1268", "\\\"value\\\":1286"))
                .toList());
        Path cut = temp.resolve("cut.jsonl");
        Files.write(cut, lines.subList(0, 60));

        Cli refusedChange = Cli.run("import-events", "--store", temp.resolve("target-1").toString(),
                changed.toString());
        Cli refusedCut = Cli.run("import-events", "--store", temp.resolve("target-2").toString(), cut.toString());
        Cli loaded = Cli.run("import-events", "--store", temp.resolve("target-3").toString(), export.toString());
        Cli verified = Cli.run("verify", "--store", temp.resolve("target-3").toString());
        Cli notEmpty = Cli.run("import-events", "--store", temp.resolve("target-3").toString(), export.toString());
        Cli nothing = Cli.run("verify", "--store", temp.resolve("target-1").toString());

        assertThat(refusedChange.exitCode()).isEqualTo(1);
        assertThat(refusedChange.output()).contains("Refused, nothing loaded: line " + figureLine + ": the event at "
                + "position", "does not match its leaf");
        assertThat(refusedCut.output()).contains("line 60: the file ends without its digest: it was cut short");
        assertThat(loaded.output()).contains("Loaded 136 events");
        assertThat(verified.output()).startsWith("intact: 136 events sealed");
        assertThat(nothing.output()).startsWith("intact: 0 events sealed");
        assertThat(notEmpty.exitCode()).isEqualTo(1);
        assertThat(notEmpty.output()).isEqualTo("ledger import-events: the store holds 136 events; import-events "
                + "loads into an empty store only" + System.lineSeparator());
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + fragment);
    }

    private static void summarise(ConfigurableApplicationContext application) throws Exception {
        application.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(1));
        application.getBean(JobRunner.class).run(application.getBean("periodSummaryJob", Job.class),
                Map.of("period", "gdhk-ipr-2020-mid-2022"));
    }
}
