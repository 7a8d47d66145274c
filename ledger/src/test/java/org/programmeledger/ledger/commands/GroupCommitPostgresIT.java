package org.programmeledger.ledger.commands;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.TestNodes;

/** Group commit on PostgreSQL, whose savepoints and positions drawn ahead H2 does not have. */
class GroupCommitPostgresIT {

    private final TestNodes nodes = new TestNodes(LedgerTestApplication.class);
    private GroupCommitScenarios scenarios;

    @BeforeEach
    void scenarios() {
        scenarios = new GroupCommitScenarios(nodes.start("node-a", "--ledger.commands.group-commit=true"));
    }

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    @Test
    void aRefusedCommandRollsBackAloneAndEndsItsGroup() {
        scenarios.aRefusedCommandRollsBackAloneAndEndsItsGroup();
    }

    @Test
    void aCommandRefusedOnAnAggregateLoadedFromTheStore() {
        scenarios.aCommandRefusedOnAnAggregateLoadedFromTheStore();
    }

    @Test
    void aFailedCommitStoresNothingOfTheGroupAndEachCommandRunsAgainAlone() {
        scenarios.aFailedCommitStoresNothingOfTheGroupAndEachCommandRunsAgainAlone();
    }

    @Test
    void manySendersEachAnsweredAndEveryEventSealedOnce() throws Exception {
        scenarios.manySendersEachAnsweredAndEveryEventSealedOnce();
    }
}
