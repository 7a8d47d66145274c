package org.programmeledger.ledger.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.OrganisationRegistered;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;

class OrganisationTest {

    private static final OrganisationRegistered HKIPD = new OrganisationRegistered("hkipd",
            "Intellectual Property Department", "HKIPD", Side.HONG_KONG);

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    @Test
    void registersAnOrganisationWithItsSide() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation("hkipd", " Intellectual Property Department ", "HKIPD", Side.HONG_KONG))
                .expectEvents(HKIPD);
    }

    @Test
    void registeringTheSameOrganisationAgainRecordsNothing() {
        fixture.given(HKIPD)
                .when(new RegisterOrganisation("hkipd", "Intellectual Property Department", "HKIPD", Side.HONG_KONG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToRegisterAnIdAgainWithOtherDetails() {
        fixture.given(HKIPD)
                .when(new RegisterOrganisation("hkipd", "Intellectual Property Department", "HKIPD", Side.MACAO))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("organisation hkipd is already registered as "
                        + "\"Intellectual Property Department\" (Hong Kong) with other details");
    }

    @Test
    void refusesAJointOrganisation() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation("both", "Both sides", null, Side.JOINT))
                .expectException(LedgerRuleViolation.class);
    }

    @Test
    void refusesAnOrganisationWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation("x", " ", null, Side.GUANGDONG))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("organisation name is required");
    }

    @Test
    void refusesAnOrganisationWithoutASide() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation("x", "X", null, null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the side of organisation x is required");
    }
}
