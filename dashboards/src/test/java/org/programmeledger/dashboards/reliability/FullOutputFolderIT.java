package org.programmeledger.dashboards.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.reads.JobFailedException;
import org.programmeledger.analytics.jobs.LedgerJobs;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.dashboards.LedgerApplication;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A job whose output folder cannot be written: the folder's place is taken by a file, or the disk fills
 * up part-way through a file. The job fails with a message naming the file and the cause, and leaves no
 * partial file; a complete file from an earlier run stays as it was.
 *
 * <p>The tests run as root, for whom no permission bit makes a folder unwritable, so the first case puts a
 * regular file where the folder must be. The full disk is a real one: a 200 KiB tmpfs mounted on the output
 * folder in a user and mount namespace of the job's process (util-linux {@code unshare}, which the embedded
 * PostgreSQL of the other tests needs too when run as root).
 */
class FullOutputFolderIT {

    private static final int ACTIVITIES = 1500;
    private static final String REGISTER = "activity-register-" + GeneratedProgramme.PERIOD + ".csv";
    private static final Map<String, String> PERIOD = Map.of("period", GeneratedProgramme.PERIOD);

    @TempDir
    Path home;

    @Test
    void aJobThatCannotWriteOrRunsOutOfDiskFailsClearlyAndLeavesNoPartialFile() throws Exception {
        Path out = home.resolve("out");
        Path csv = out.resolve("csv");
        Files.createDirectories(out);
        Files.writeString(csv, "a file where the csv folder should be");
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(LedgerApplication.class)
                .logStartupInfo(false).run("--ledger.home=" + home, "--ledger.store.directory=" + home.resolve("store"),
                        "--ledger.output.directory=" + out)) {
            application.getBean(LedgerImporter.class).importFiles(GeneratedProgramme.write(home.resolve("data"),
                    ACTIVITIES), Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
            application.getBean(LedgerViews.class).awaitHead(Duration.ofSeconds(60));
            LedgerJobs jobs = application.getBean(LedgerJobs.class);

            assertThatThrownBy(() -> jobs.run("activity-register", PERIOD)).isInstanceOf(JobFailedException.class)
                    .hasMessageContaining("activity-register ended FAILED")
                    .hasMessageContaining("cannot write " + csv.resolve(REGISTER));
            assertThat(csv).isRegularFile().hasContent("a file where the csv folder should be");
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files).containsExactly(csv);
            }

            Files.delete(csv);
            assertThat(jobs.run("activity-register", PERIOD).status()).isEqualTo("COMPLETED");
            application.getBean(LedgerImporter.class).importFiles(List.of(Files.writeString(home.resolve("late.csv"),
                            "organisation_id,name,abbreviation,side,source\r\nlate,A late office,,other,generated\r\n")),
                    Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
            application.getBean(LedgerViews.class).awaitHead(Duration.ofSeconds(60));
        }
        byte[] complete = Files.readAllBytes(csv.resolve(REGISTER));
        byte[] provenance = Files.readAllBytes(csv.resolve(REGISTER + ".provenance.json"));
        assertThat(complete.length).as("the file is larger than the disk's free space").isGreaterThan(150_000);

        assumeTrue(new ProcessBuilder("unshare", "--map-root-user", "--mount", "true").start().waitFor() == 0,
                "this machine cannot make a mount namespace (unshare), so no disk can be filled here");
        LedgerProcess.writeUsers(home);
        Path after = home.resolve("after");
        String script = "set -e; cp -a out before; mount -t tmpfs -o size=" + (complete.length / 1024 + 100) + "k "
                + "ledger-out out; cp -a before/. out/; set +e; "
                + String.join(" ", LedgerProcess.command(home, List.of(), "jobs", "run", "activity-register",
                        "--period", GeneratedProgramme.PERIOD, "--store", home.resolve("store").toString(), "--out",
                        home.resolve("out").toString()))
                + "; echo \"exit code $?\"; df -k out; cp -a out/. after/";
        Files.createDirectories(after);
        try (LedgerProcess job = LedgerProcess.start(List.of("unshare", "--map-root-user", "--mount", "sh", "-c",
                "cd " + home + " && " + script), home.resolve("full-disk.log"))) {
            assertThat(job.awaitExit(Duration.ofMinutes(2))).as(job.output()).isZero();
            assertThat(job.output()).contains("exit code 1", "activity-register ended FAILED",
                    "No space left on device", REGISTER);
        }
        assertThat(after.resolve("csv").resolve(REGISTER)).as("the complete file of the earlier run").hasBinaryContent(
                complete);
        assertThat(after.resolve("csv").resolve(REGISTER + ".provenance.json")).hasBinaryContent(provenance);
        try (Stream<Path> files = Files.list(after.resolve("csv"))) {
            assertThat(files.map(file -> file.getFileName().toString())).as("no temporary file is left")
                    .containsExactlyInAnyOrder(REGISTER, REGISTER + ".provenance.json");
        }
    }
}
