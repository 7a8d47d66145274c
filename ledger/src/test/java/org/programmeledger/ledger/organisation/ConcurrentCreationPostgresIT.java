package org.programmeledger.ledger.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes creating the same record at once: both find no record and append its first event, and the database keeps
 * one. The other used to be refused as a reused identifier; it is sent again, and decided on the record as stored.
 */
class ConcurrentCreationPostgresIT {

    private static final int ROUNDS = 40;

    private final TestNodes nodes = new TestNodes(LedgerTestApplication.class);

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    @Test
    void theSameRecordCreatedOnTwoNodesAtOnceIsRecordedOnceAndBothAreAnswered() throws Exception {
        ConfigurableApplicationContext first = nodes.start("node-a");
        ConfigurableApplicationContext second = nodes.start("node-b");
        List<CommandGateway> gateways = List.of(first.getBean(CommandGateway.class),
                second.getBean(CommandGateway.class));
        ExecutorService senders = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<?>> sent = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                RegisterOrganisation register = new RegisterOrganisation("office-" + round, "An office", null,
                        Side.GUANGDONG);
                for (CommandGateway gateway : gateways) {
                    sent.add(senders.submit(() -> {
                        together.await();
                        return gateway.sendAndWait(register);
                    }));
                }
                for (Future<?> answer : sent) {
                    answer.get();
                }
                sent.clear();
            }
        } finally {
            senders.shutdownNow();
        }

        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry "
                + "WHERE payload_type LIKE '%OrganisationRegistered' GROUP BY aggregate_identifier "
                + "HAVING COUNT(*) = 1", String.class)).hasSize(ROUNDS);
    }
}
