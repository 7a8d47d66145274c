package org.programmeledger.ledger.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.ProgrammeEstablished;

class ProgrammeTest {

    private static final String NAME = "Guangdong/Hong Kong Expert Group on the Protection of IP Rights";

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
    }

    @Test
    void establishesAProgramme() {
        fixture.givenNoPriorActivity()
                .when(new EstablishProgramme("gdhk-ipr", NAME))
                .expectEvents(new ProgrammeEstablished("gdhk-ipr", NAME));
    }

    @Test
    void establishingTheSameProgrammeAgainRecordsNothing() {
        fixture.given(new ProgrammeEstablished("gdhk-ipr", NAME))
                .when(new EstablishProgramme("gdhk-ipr", NAME))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToEstablishAProgrammeAgainUnderAnotherName() {
        fixture.given(new ProgrammeEstablished("gdhk-ipr", NAME))
                .when(new EstablishProgramme("gdhk-ipr", "Another name"))
                .expectException(LedgerRuleViolation.class);
    }

    @Test
    void refusesAProgrammeWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new EstablishProgramme("gdhk-ipr", ""))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("programme name is required");
    }
}
