package org.programmeledger.ledger.programme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.AdoptProgrammeValue;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.ProgrammeAlternativeValueRecorded;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledger.api.ProgrammeFigureRecorded;
import org.programmeledger.ledger.api.ProgrammeValueAdopted;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordProgrammeAlternativeValue;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.api.SourceReference;
import org.programmeledger.ledger.period.RegistryOf;
import org.programmeledger.ledger.registry.CatalogueEntry;

/** Two sources disagree on a fact of the programme itself: both values are kept until one is adopted. */
class ProgrammeDisputeTest {

    private static final ProgrammeEstablished ESTABLISHED = new ProgrammeEstablished("gdhk-ipr", "Expert Group");
    private static final ProgrammeFigureRecorded SEIZED = new ProgrammeFigureRecorded("gdhk-ipr", "s2016",
            "items-seized", new BigDecimal("4000000"), null, "items", Qualifier.EXACTLY, Side.JOINT, Extent.year(2016),
            null, Basis.FLOW, null, "4.0 million items seized", null, Aggregation.SUM);
    private static final SourceReference BULLETIN = SourceReference.of("Customs bulletin", "2017-02-01", "p. 4",
            "https://example.org/bulletin");
    private static final ProgrammeAlternativeValueRecorded OTHER = new ProgrammeAlternativeValueRecorded("gdhk-ipr",
            "s2016", 1, new BigDecimal("3950000"), null, Qualifier.EXACTLY, "3.95 million items", BULLETIN);

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(new RegistryOf(Set.of("gdhk-ipr"), Set.of())
                .withMetrics(new CatalogueEntry("items-seized", List.of("items"), Aggregation.SUM)));
    }

    private static RecordProgrammeAlternativeValue other(String value, String source) {
        return new RecordProgrammeAlternativeValue("gdhk-ipr", "s2016", new BigDecimal(value), null,
                Qualifier.EXACTLY, source, BULLETIN);
    }

    @Test
    void recordsAnotherSourcesValueBesideTheFirstAsValueOne() {
        fixture.given(ESTABLISHED, SEIZED)
                .when(other("3950000.0", " 3.95 million items "))
                .expectEvents(OTHER);
    }

    @Test
    void refusesASourceThatAgreesWithTheValueRecorded() {
        fixture.given(ESTABLISHED, SEIZED)
                .when(other("4000000", "another report"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure s2016 already has the value 4000000; a source that agrees is not "
                        + "a dispute");
    }

    @Test
    void recordsNothingWhenTheSameSourceGivesTheSameValueAgain() {
        fixture.given(ESTABLISHED, SEIZED, OTHER)
                .when(other("3950000", "3.95 million items"))
                .expectNoEvents();
    }

    @Test
    void refusesAnotherValueForAFactTheProgrammeDoesNotHold() {
        fixture.given(ESTABLISHED)
                .when(other("3950000", "3.95 million items"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure s2016 is not recorded in programme gdhk-ipr");
    }

    @Test
    void adoptsTheOtherValueWithItsReason() {
        fixture.given(ESTABLISHED, SEIZED, OTHER)
                .when(new AdoptProgrammeValue("gdhk-ipr", "s2016", 1, " the bulletin is the audited count "))
                .expectEvents(new ProgrammeValueAdopted("gdhk-ipr", "s2016", 1, new BigDecimal("3950000"), null,
                        Qualifier.EXACTLY, "the bulletin is the audited count"));
    }

    @Test
    void adoptsTheValueFirstRecordedAsValueZero() {
        fixture.given(ESTABLISHED, SEIZED, OTHER)
                .when(new AdoptProgrammeValue("gdhk-ipr", "s2016", 0, "the annual report is final"))
                .expectEvents(new ProgrammeValueAdopted("gdhk-ipr", "s2016", 0, new BigDecimal("4000000"), null,
                        Qualifier.EXACTLY, "the annual report is final"));
    }

    @Test
    void refusesToAdoptAValueOfAFactWithOneValueOnly() {
        fixture.given(ESTABLISHED, SEIZED)
                .when(new AdoptProgrammeValue("gdhk-ipr", "s2016", 0, "why not"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure s2016 has one value only; there is nothing to adopt");
    }

    @Test
    void refusesAnAdoptionWithoutAReasonOrOfAValueTheFactDoesNotHave() {
        fixture.given(ESTABLISHED, SEIZED, OTHER)
                .when(new AdoptProgrammeValue("gdhk-ipr", "s2016", 1, " "))
                .expectException(LedgerRuleViolation.class);
        fixture.given(ESTABLISHED, SEIZED, OTHER)
                .when(new AdoptProgrammeValue("gdhk-ipr", "s2016", 2, "the third source"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure s2016 has the values 0 to 1, not 2");
    }

    @Test
    void recordsNothingWhenTheSameValueIsAdoptedAgainForTheSameReasonAndRefusesAnotherReason() {
        ProgrammeValueAdopted adopted = new ProgrammeValueAdopted("gdhk-ipr", "s2016", 1, new BigDecimal("3950000"),
                null, Qualifier.EXACTLY, "audited");
        fixture.given(ESTABLISHED, SEIZED, OTHER, adopted)
                .when(new AdoptProgrammeValue("gdhk-ipr", "s2016", 1, "audited"))
                .expectNoEvents();
        fixture.given(ESTABLISHED, SEIZED, OTHER, adopted)
                .when(new AdoptProgrammeValue("gdhk-ipr", "s2016", 1, "another reason"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("value 1 of figure s2016 is already adopted, because audited");
    }

    @Test
    void aThirdSourceAfterAnAdoptionIsNumberedTwoAndTheValueMayBeAdoptedAgainForAReasonGivenAnew() {
        ProgrammeValueAdopted adopted = new ProgrammeValueAdopted("gdhk-ipr", "s2016", 1, new BigDecimal("3950000"),
                null, Qualifier.EXACTLY, "audited");
        ProgrammeAlternativeValueRecorded third = new ProgrammeAlternativeValueRecorded("gdhk-ipr", "s2016", 2,
                new BigDecimal("4100000"), null, Qualifier.ABOUT, "about 4.1 million", BULLETIN);
        fixture.given(ESTABLISHED, SEIZED, OTHER, adopted)
                .when(new RecordProgrammeAlternativeValue("gdhk-ipr", "s2016", new BigDecimal("4100000"), null,
                        Qualifier.ABOUT, "about 4.1 million", BULLETIN))
                .expectEvents(third);
        fixture.given(ESTABLISHED, SEIZED, OTHER, adopted, third)
                .when(new AdoptProgrammeValue("gdhk-ipr", "s2016", 1, "audited"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(ESTABLISHED, SEIZED, OTHER, adopted, third)
                .when(new AdoptProgrammeValue("gdhk-ipr", "s2016", 1, "audited; the bulletin rounds it"))
                .expectEvents(new ProgrammeValueAdopted("gdhk-ipr", "s2016", 1, new BigDecimal("3950000"), null,
                        Qualifier.EXACTLY, "audited; the bulletin rounds it"));
    }
}
