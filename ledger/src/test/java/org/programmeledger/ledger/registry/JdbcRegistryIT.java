package org.programmeledger.ledger.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.AmendMetric;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.store.LedgerTransactions;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry remembers the metrics it read for the rest of a transaction (a bulk import asks for the same few
 * on every figure); a metric defined or amended in that transaction, as a dry run of several files does, is
 * read anew.
 */
@SpringBootTest(classes = LedgerTestApplication.class)
class JdbcRegistryIT {

    @Autowired
    Registry registry;
    @Autowired
    LedgerTransactions transactions;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aMetricDefinedOrAmendedAfterItWasReadInTheSameTransactionIsReadAnew() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            assertThat(registry.metric("visits").entry()).isEmpty();
            transactions.inOne(() -> commandGateway.sendAndWait(new DefineMetric("visits", "Visits",
                    List.of("visits"), Aggregation.SUM, true, "", "s")));
            assertThat(registry.metric("visits").entry()).map(CatalogueEntry::units).contains(List.of("visits"));
            transactions.inOne(() -> commandGateway.sendAndWait(new AmendMetric("visits", "Visits",
                    List.of("visits", "persons"), Aggregation.SUM, true, "", "a second unit")));
            assertThat(registry.metric("visits").entry()).map(CatalogueEntry::units)
                    .contains(List.of("visits", "persons"));
            status.setRollbackOnly();
        });
    }
}
