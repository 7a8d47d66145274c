package org.programmeledger.ledger.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

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
@SpringBootTest(classes = LedgerTestApplication.class, properties = "ledger.commands.group-writers=2")
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
    void aRefusedCommandThatWroteIsUndoneAlone() {
        scenarios.aRefusedCommandThatWroteIsUndoneAlone(List.of(3, 2));
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
        GroupCommit off = new GroupCommit(new CommandSettings(false, 32, 1, 0), null, null, new SimpleMeterRegistry());

        assertThat(off.sendingTo(direct)).isSameAs(direct);
        assertThat(node.getBean(GroupCommit.class).sendingTo(direct)).as("on by default").isNotSameAs(direct);
    }
}
