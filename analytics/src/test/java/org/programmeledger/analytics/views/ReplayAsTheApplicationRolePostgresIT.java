package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.jobs.ViewStatistics;
import org.programmeledger.analytics.reads.ReplayReport;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.DocumentedRoles;
import org.programmeledger.ledgertest.PostgresTestServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Under the roles docs/operations.md prescribes, a replay empties and rebuilds the views (by TRUNCATE), while the
 * application's role still cannot empty a table that sealing depends on.
 */
class ReplayAsTheApplicationRolePostgresIT {

    @Test
    void theApplicationRoleReplaysTheViewsButCannotTruncateWhatSealingDependsOn() throws Exception {
        DocumentedRoles database = DocumentedRoles.newDatabase(PostgresTestServer.get());
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(AnalyticsTestApplication.class)
                .run(database.applicationArguments())) {
            ledger.getBean(LedgerImporter.class).importFiles(SeedData.files(),
                    Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
            ledger.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(2));

            ReplayReport replayed = ledger.getBean(ViewReplay.class).replay(Duration.ofMinutes(2), (at, head) -> { });

            assertThat(replayed.identical()).as(replayed.differences().toString()).isTrue();
            JdbcTemplate asApp = ledger.getBean(JdbcTemplate.class);
            assertThat(asApp.queryForObject("SELECT COUNT(*) FROM view_figure", Long.class)).isPositive();
            for (String sealed : new String[] {"domain_event_entry", "ledger_event_authenticator", "ledger_tree_leaf",
                    "ledger_checkpoint", "ledger_seal", "ledger_seal_head"}) {
                assertThatThrownBy(() -> asApp.execute("TRUNCATE " + sealed)).as(sealed)
                        .rootCause().hasMessageContaining("append-only: TRUNCATE of " + sealed + " refused");
            }
            assertThat(asApp.queryForObject("SELECT COUNT(*) FROM ledger_seal_head", Long.class)).isEqualTo(1);

            // A job's refresh of stale statistics: the role does not own the views, so PostgreSQL skips the
            // analysis with a warning, and the job goes on. Autovacuum, analysing the table first, would leave
            // nothing stale to ask about.
            database.as(DocumentedRoles.OWNER)
                    .execute("ALTER TABLE view_organisation SET (autovacuum_enabled = false)");
            for (int i = 0; i < 200; i++) {
                asApp.update("INSERT INTO view_organisation (organisation_id, name, side) VALUES (?, ?, 'OTHER')",
                        "bulk-" + i, "Organisation " + i);
            }
            ViewStatistics statistics = ledger.getBean(ViewStatistics.class);
            List<String> stale = statistics.refreshIfStale();
            for (int wait = 0; wait < 120 && !stale.contains("view_organisation"); wait++) {
                Thread.sleep(500);
                stale = statistics.refreshIfStale();
            }
            assertThat(stale).as("asked to analyze, without an error").contains("view_organisation");
        }
    }
}
