package org.programmeledger.analytics.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.reads.ReplayReport;
import org.programmeledger.analyticstest.AnalyticsTestApplication;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.PostgresTestServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Under the roles docs/operations.md prescribes, a replay empties and rebuilds the views (by TRUNCATE), while the
 * application's role still cannot empty a table that sealing depends on.
 */
class ReplayAsTheApplicationRolePostgresIT {

    private static final String OWNER = "ledger_owner";
    private static final String APP = "ledger_app";

    @Test
    void theApplicationRoleReplaysTheViewsButCannotTruncateWhatSealingDependsOn() throws Exception {
        PostgresTestServer server = PostgresTestServer.get();
        String url = server.createDatabase();
        JdbcTemplate asAdmin = jdbc(url, server.user(), server.password());
        for (String role : new String[] {OWNER, APP}) {
            asAdmin.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "CREATE ROLE " + role + " LOGIN PASSWORD '" + role + "'; END IF; END $$");
        }
        // docs/operations.md, "Users and privileges", in the new database before the first start.
        asAdmin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        asAdmin.execute("GRANT USAGE, CREATE ON SCHEMA public TO ledger_owner");
        asAdmin.execute("GRANT USAGE ON SCHEMA public TO ledger_app");
        asAdmin.execute("ALTER DEFAULT PRIVILEGES FOR ROLE ledger_owner IN SCHEMA public "
                + "GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ledger_app");
        asAdmin.execute("ALTER DEFAULT PRIVILEGES FOR ROLE ledger_owner IN SCHEMA public "
                + "GRANT USAGE, SELECT ON SEQUENCES TO ledger_app");

        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(AnalyticsTestApplication.class).run(
                "--spring.main.web-application-type=none",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + APP,
                "--spring.datasource.password=" + APP,
                "--spring.flyway.user=" + OWNER,
                "--spring.flyway.password=" + OWNER)) {
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
        }
    }

    private static JdbcTemplate jdbc(String url, String user, String password) {
        return new JdbcTemplate(new DriverManagerDataSource(url, user, password));
    }
}
