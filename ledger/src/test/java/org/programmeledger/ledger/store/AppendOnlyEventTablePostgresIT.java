package org.programmeledger.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledgertest.DocumentedRoles;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.PostgresTestServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event table refuses changes on PostgreSQL, and the application, run under its own role as the
 * README's "Running in production" describes, cannot lift the refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppendOnlyEventTablePostgresIT {

    private final PostgresTestServer server = PostgresTestServer.get();
    private ConfigurableApplicationContext ledger;
    private JdbcTemplate asApp;
    private JdbcTemplate asOwner;

    @BeforeAll
    void ledgerRunningAsTheApplicationRole() {
        DocumentedRoles database = DocumentedRoles.newDatabase(server);
        ledger = new SpringApplicationBuilder(LedgerTestApplication.class).run(database.applicationArguments());
        ledger.getBean(CommandGateway.class).sendAndWait(new EstablishProgramme("gdhk", "Expert Group"));
        asApp = ledger.getBean(JdbcTemplate.class);
        asOwner = database.as(DocumentedRoles.OWNER);
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    private static long events(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void refusesToChangeOrRemoveAnEventWhoeverAsks() {
        for (JdbcTemplate role : new JdbcTemplate[] {asApp, asOwner}) {
            assertThatThrownBy(() -> role.update("UPDATE domain_event_entry SET payload = '{}'"))
                    .rootCause().hasMessageContaining("append-only: UPDATE of domain_event_entry refused");
            assertThatThrownBy(() -> role.update("DELETE FROM domain_event_entry"))
                    .rootCause().hasMessageContaining("append-only: DELETE of domain_event_entry refused");
            assertThatThrownBy(() -> role.update("UPDATE ledger_seal_head SET hash = hash"))
                    .rootCause().hasMessageContaining("append-only: UPDATE of ledger_seal_head refused");
        }
        assertThatThrownBy(() -> asOwner.execute("TRUNCATE domain_event_entry"))
                .rootCause().hasMessageContaining("append-only: TRUNCATE of domain_event_entry refused");
        assertThatThrownBy(() -> asApp.execute("TRUNCATE domain_event_entry"))
                .rootCause().hasMessageContaining("append-only: TRUNCATE of domain_event_entry refused");
        assertThat(events(asApp)).isEqualTo(1);
    }

    @Test
    void theApplicationRoleCannotLiftTheRefusal() {
        assertThatThrownBy(() -> asApp.execute("DROP TRIGGER domain_event_entry_append_only ON domain_event_entry"))
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> asApp.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER ALL"))
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> asApp.execute("SET session_replication_role = replica"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asApp.execute("DROP TABLE domain_event_entry"))
                .rootCause().hasMessageContaining("must be owner");
    }

    @Test
    void theApplicationRoleRecordsEventsAndMovesTokensAndSnapshots() {
        asApp.update("UPDATE token_entry SET owner = owner");
        asApp.update("DELETE FROM snapshot_event_entry");

        assertThat(events(asApp)).isEqualTo(1);
        assertThat(asApp.queryForObject("SELECT payload FROM domain_event_entry", String.class))
                .contains("\"programmeId\":\"gdhk\"");
    }
}
