package org.programmeledger.ledger.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/** Group commit on H2 (see {@link GroupCommitScenarios}). */
@SpringBootTest(classes = LedgerTestApplication.class, properties = "ledger.commands.group-commit=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class GroupCommitIT {

    @Autowired
    ApplicationContext node;
    private GroupCommitScenarios scenarios;

    @BeforeEach
    void scenarios() {
        scenarios = new GroupCommitScenarios(node);
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
    void twoCommandsOfOneGroupOnOneAggregateSeeEachOther() {
        scenarios.twoCommandsOfOneGroupOnOneAggregateSeeEachOther();
    }

    @Test
    void aFailedCommitStoresNothingOfTheGroupAndEachCommandRunsAgainAlone() {
        scenarios.aFailedCommitStoresNothingOfTheGroupAndEachCommandRunsAgainAlone();
    }

    @Test
    void manySendersEachAnsweredAndEveryEventSealedOnce() throws Exception {
        scenarios.manySendersEachAnsweredAndEveryEventSealedOnce();
    }

    @Test
    void switchedOffTheGatewaySendsToAxonsBusItself() {
        CommandBus direct = SimpleCommandBus.builder().build();
        GroupCommit off = new GroupCommit(new CommandSettings(false, 32), null, null);

        assertThat(off.sendingTo(direct)).isSameAs(direct);
        assertThat(node.getBean(GroupCommit.class).sendingTo(direct)).as("switched on").isNotSameAs(direct);
    }
}
