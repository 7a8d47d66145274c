package org.programmeledger.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.analyticstest.SeedProgramme;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.sealing.Sequencer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A job builds only from a sealed ledger position: an output names a position an auditor can prove. */
@SpringBootTest(classes = AnalyticsTestApplication.class)
@DirtiesContext
class JobsOnSealedPositionsIT {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";

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
    @Autowired
    Sequencer sequencer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void buildsFromASealedPositionAndRefusesOnceSealingHasStopped() throws Exception {
        SeedProgramme.record(importer, views);

        jobs.run("activity-register", Map.of("period", PERIOD));
        long head = views.position().position();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_tree_leaf WHERE position = ?", Long.class,
                head)).as("the position the register names is sealed").isOne();

        jdbc.update("DELETE FROM ledger_tree_leaf WHERE position = 40");
        sequencer.sealEverything();
        Path summary = out.resolve("csv").resolve("period-summary-" + PERIOD + ".csv");

        assertThat(sequencer.halted()).isPresent();
        assertThatThrownBy(() -> jobs.run("period-summary", Map.of("period", PERIOD)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not sealed")
                .hasMessageContaining("sealing stopped");
        assertThat(Files.exists(summary)).as("nothing built from an unprovable position").isFalse();
    }
}
