package org.programmeledger.analyticstest;

import java.time.Duration;
import java.util.Map;
import org.programmeledger.analytics.jobs.LedgerJobs;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A process of its own for the restart test: records the seed programme into the store given as the first
 * argument and runs period-summary for the plan period, one line per chunk with a pause between chunks,
 * writing under the folder given as the second argument, so that the test can kill it part-way.
 */
public final class JobProcessMain {

    private JobProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(AnalyticsTestApplication.class)
                .run("--spring.main.web-application-type=none",
                        "--spring.datasource.url=jdbc:h2:file:" + args[0] + "/ledger",
                        "--ledger.output.directory=" + args[1],
                        "--ledger.jobs.chunk-size=1",
                        "--ledger.jobs.chunk-pause=400ms")) {
            application.getBean(LedgerImporter.class).importFiles(SeedData.files(),
                    Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
            application.getBean(LedgerViews.class).awaitHead(Duration.ofSeconds(60));
            System.out.println("RUNNING");
            application.getBean(LedgerJobs.class).run("period-summary", Map.of("period", args[2]));
        }
    }
}
