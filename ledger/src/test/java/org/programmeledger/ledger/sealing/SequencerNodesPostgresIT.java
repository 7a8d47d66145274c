package org.programmeledger.ledger.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one PostgreSQL database, both running the sequencer: the advisory lock lets one pass at a
 * time seal, nothing is sealed twice, and when one node stops the other seals on its own.
 */
class SequencerNodesPostgresIT {

    @Test
    void twoNodesSealEveryEventOnceAndTheSurvivorSealsAlone() throws Exception {
        try (TestNodes nodes = new TestNodes(LedgerTestApplication.class)) {
            ConfigurableApplicationContext first = nodes.start("node-a");
            ConfigurableApplicationContext second = nodes.start("node-b");
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> sent = new ArrayList<>();
            for (int n = 0; n < 60; n++) {
                ConfigurableApplicationContext node = n % 2 == 0 ? first : second;
                String id = "org-" + n;
                sent.add(clients.submit(() -> node.getBean(CommandGateway.class).sendAndWait(
                        new RegisterOrganisation(id, "Organisation " + id, null, Side.OTHER))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            clients.shutdown();
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            second.getBean(Sequencer.class).sealPending();
            first.getBean(Sequencer.class).sealPending();

            VerifyReport both = second.getBean(LedgerVerifier.class).verify();
            assertThat(both.intact()).as(both.toString()).isTrue();
            assertThat(both.eventsChecked()).isEqualTo(60);

            first.close();
            second.getBean(CommandGateway.class).sendAndWait(new RegisterOrganisation("after", "After node a stopped",
                    null, Side.OTHER));
            long position = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (jdbc.queryForObject("SELECT COUNT(*) FROM ledger_tree_leaf WHERE position = ?", Long.class,
                    position) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_tree_leaf WHERE position = ?", Long.class,
                    position)).as("sealed by the surviving node's own sequencer").isEqualTo(1);
            VerifyReport survivor = second.getBean(LedgerVerifier.class).verify();
            assertThat(survivor.intact()).as(survivor.toString()).isTrue();
            assertThat(survivor.eventsChecked()).isEqualTo(61);
        }
    }
}
