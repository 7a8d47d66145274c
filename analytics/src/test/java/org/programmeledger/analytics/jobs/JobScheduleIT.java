package org.programmeledger.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.analyticstest.SeedProgramme;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A job on a cron schedule, firing every second: built once per ledger position, never twice. */
@SpringBootTest(classes = AnalyticsTestApplication.class, properties = {
        "ledger.jobs.scheduling=true",
        "ledger.jobs.schedules[0].job=activity-register",
        "ledger.jobs.schedules[0].cron=* * * * * *",
        "ledger.jobs.schedules[0].parameters.period=2021-Q3"})
@ExtendWith(OutputCaptureExtension.class)
class JobScheduleIT {

    @TempDir
    static Path out;

    @DynamicPropertySource
    static void outputDirectory(DynamicPropertyRegistry registry) {
        registry.add("ledger.output.directory", () -> out.toString());
    }

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    LedgerJobs jobs;

    @Test
    void buildsTheScheduledOutputOnceForEachLedgerPosition(CapturedOutput log) throws Exception {
        long position = SeedProgramme.record(importer, views);
        Path register = out.resolve("csv").resolve("activity-register-2021-Q3.csv");
        Path provenance = register.resolveSibling(register.getFileName() + ".provenance.json");
        // Built once, then found built by two later firings: waited for, not slept for, on a loaded machine.
        String builtBefore = Pattern.quote("already built from position " + position + ";");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!(Files.exists(provenance) && Files.readString(provenance).contains("\"ledgerPosition\" : " + position)
                && log.getAll().split(builtBefore, -1).length > 2)) {
            assertThat(System.nanoTime()).as("the scheduled build, and two firings after it, within 120 s")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }

        assertThat(Files.readString(register)).contains("13.1,symposium,online");
        assertThat(jobs.history().stream().filter(e -> e.job().equals("activity-register")
                && e.parameters().get("position").equals(Long.toString(position)))).hasSize(1)
                .allMatch(e -> e.status().equals("COMPLETED"));
    }
}
