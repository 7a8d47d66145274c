package org.programmeledger.ledger.commands;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.TestNodes;

/** Group commit on PostgreSQL: no savepoints, and positions drawn ahead, which H2 does not have. */
class GroupCommitPostgresIT {

    private final TestNodes nodes = new TestNodes(LedgerTestApplication.class);
    private GroupCommitScenarios scenarios;

    @BeforeEach
    void scenarios() {
        scenarios = new GroupCommitScenarios(nodes.start("node-a", "--ledger.commands.group-writers=2"));
    }

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    @Test
    void aRefusedCommandThatWroteIsUndoneAlone() {
        scenarios.aRefusedCommandThatWroteIsUndoneAlone(List.of(1, 1, 1, 2));
    }

    @Test
    void aRefusedCommandThatWroteNothingEndsItsGroup() {
        scenarios.aRefusedCommandThatWroteNothingEndsItsGroup();
    }

    @Test
    void aRefusedCommandAloneThatWroteIsRolledBack() {
        scenarios.aRefusedCommandAloneThatWroteIsRolledBack();
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
