package org.programmeledger.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.reads.JobExecutionSummary;
import org.programmeledger.analytics.reads.JobReport;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.analyticstest.JobProcessMain;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A job killed part-way, with the process running it, and restarted: it completes, and its files are the
 * bytes an uninterrupted run writes.
 */
class JobKillRestartIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";
    private static final List<String> PARTS = List.of("", "-breakdown", "-activities", "-items");

    @TempDir
    Path temp;

    @Test
    void aJobKilledPartWayIsRestartedAndWritesTheSameBytesAsAnUninterruptedRun() throws Exception {
        Path store = temp.resolve("store");
        Path out = temp.resolve("out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JobProcessMain.class.getName(), store.toString(),
                out.toString(), PERIOD)
                .redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile()).start();
        awaitPartOfTheFirstFile(out.resolve("csv"), child);
        child.destroyForcibly().waitFor();
        assertThat(out.resolve("csv").resolve("period-summary-" + PERIOD + ".csv")).doesNotExist();

        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(AnalyticsTestApplication.class)
                .run("--spring.main.web-application-type=none",
                        "--spring.datasource.url=jdbc:h2:file:" + store + "/ledger",
                        "--ledger.output.directory=" + out)) {
            LedgerJobs jobs = application.getBean(LedgerJobs.class);
            LedgerViews views = application.getBean(LedgerViews.class);
            views.awaitHead(Duration.ofSeconds(60));

            JobReport restarted = jobs.run("period-summary", Map.of("period", PERIOD));
            assertThat(restarted.status()).isEqualTo("COMPLETED");
            assertThat(jobs.history()).extracting(JobExecutionSummary::status).containsExactly("COMPLETED", "FAILED");
            List<byte[]> afterRestart = files(out);

            application.getBean(CommandGateway.class).sendAndWait(new RegisterOrganisation("restart-test-office",
                    "An office the summary does not name", null, Side.OTHER));
            views.awaitHead(Duration.ofMinutes(2));
            assertThat(jobs.run("period-summary", Map.of("period", PERIOD)).position())
                    .isGreaterThan(restarted.position());
            List<byte[]> uninterrupted = files(out);
            for (int i = 0; i < PARTS.size(); i++) {
                assertThat(afterRestart.get(i)).as(PARTS.get(i)).isEqualTo(uninterrupted.get(i));
            }
        }
    }

    /** Waits until the killed-to-be process has written some lines of its first file, and not all of them. */
    private static void awaitPartOfTheFirstFile(Path csv, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("the job's process runs").isTrue();
            if (Files.isDirectory(csv) && linesOfTemporaryFiles(csv) >= 4) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job's process wrote nothing within 120 s");
    }

    private static long linesOfTemporaryFiles(Path csv) throws IOException {
        long lines = 0;
        try (Stream<Path> files = Files.list(csv)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                lines += Files.readAllLines(file).size();
            }
        }
        return lines;
    }

    private static List<byte[]> files(Path out) throws IOException {
        List<byte[]> files = new ArrayList<>();
        for (String part : PARTS) {
            files.add(Files.readAllBytes(out.resolve("csv").resolve("period-summary-" + PERIOD + part + ".csv")));
        }
        return files;
    }
}
