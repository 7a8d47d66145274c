package org.programmeledger.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one PostgreSQL store asked to build the same period at the same ledger position at once
 * (as two schedules would): Spring Batch's job repository lets one build it; the other builds nothing.
 */
class JobOnOneNodePostgresIT {

    private final TestNodes nodes = new TestNodes(AnalyticsTestApplication.class);

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    @Test
    void aJobAskedOfTwoNodesAtOnceIsBuiltOnce() throws Exception {
        ConfigurableApplicationContext a = nodes.start("node-a");
        ConfigurableApplicationContext b = nodes.start("node-b");
        a.getBean(LedgerImporter.class).importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"),
                ImportListener.SILENT);
        a.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(1));
        b.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(1));

        List<CompletableFuture<String>> runs = new ArrayList<>();
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return node.getBean(LedgerJobs.class).run("period-summary",
                            Map.of("period", "gdhk-ipr-2020-mid-2022")).status();
                } catch (IllegalStateException e) {
                    return "refused: " + e.getMessage();
                }
            }));
        }
        List<String> outcomes = runs.stream().map(CompletableFuture::join).toList();

        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_instance WHERE job_name = 'period-summary'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batch_job_execution WHERE status = 'COMPLETED'",
                Integer.class)).isEqualTo(1);
        assertThat(outcomes).as(outcomes.toString()).filteredOn("COMPLETED"::equals).hasSize(1);
    }
}
