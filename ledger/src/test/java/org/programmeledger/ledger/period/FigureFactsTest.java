package org.programmeledger.ledger.period;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.AlternativeValueRecorded;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.api.SourceReference;
import org.programmeledger.ledger.api.ValueAdopted;
import org.programmeledger.ledger.service.LedgerRole;
import org.programmeledger.ledger.identity.PublicationPolicy;
import org.programmeledger.ledger.registry.CatalogueEntry;

/** The rules of issue 18 for a plan period's figures: catalogue, bounds, facts of no item, part-of, disputes. */
class FigureFactsTest {

    private static final String PERIOD = "gdhk-ipr-2003-2025";
    private static final LocalDate START = LocalDate.of(2003, 1, 1);
    private static final LocalDate END = LocalDate.of(2025, 12, 31);
    private static final PlanPeriodOpened OPENED = new PlanPeriodOpened(PERIOD, "gdhk-ipr", "2003 - 2025", START, END);
    private static final ItemRegistered ITEM_6 = new ItemRegistered(PERIOD, 6, "Joint enforcement", "enforcement",
            false, List.of(), List.of(), "item 6");
    private static final CatalogueEntry SEIZED = new CatalogueEntry("items-seized", List.of("items"), Aggregation.SUM);
    private static final CatalogueEntry PROJECTS =
            new CatalogueEntry("projects", List.of("projects"), Aggregation.CUMULATIVE);
    private static final SourceReference ANNUAL_REPORT =
            new SourceReference("Customs annual report 2016", "2017-03", "p. 12", "https://example.org/ar2016");
    private static final FigureRecorded SEIZED_2016 = new FigureRecorded(PERIOD, "6.0.1", 6, null, "items-seized",
            new BigDecimal("4000000"), "items", Qualifier.EXACTLY, Side.JOINT, Extent.year(2016), Basis.FLOW,
            "4.0 million items were seized in 2016", null, null, null, null, Aggregation.SUM);

    private AggregateTestFixture<PlanPeriod> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlanPeriod.class);
        fixture.registerInjectableResource(new RegistryOf(Set.of("gdhk-ipr"), Set.of()).withMetrics(SEIZED, PROJECTS));
        fixture.registerInjectableResource(new PublicationPolicy(List.of(LedgerRole.APPROVER), false));
    }

    private static RecordFigure seized(String id, Integer item, String value, Qualifier qualifier, String high,
                                       Extent extent, String partOf) {
        return new RecordFigure(PERIOD, id, item, null, "items-seized", new BigDecimal(value),
                high == null ? null : new BigDecimal(high), "items", qualifier, Side.JOINT, extent, null, Basis.FLOW,
                partOf, "seized", null);
    }

    private static RecordAlternativeValue otherSource(String value) {
        return new RecordAlternativeValue(PERIOD, "6.0.1", new BigDecimal(value), null, Qualifier.EXACTLY,
                "3.95 million items were seized in 2016", ANNUAL_REPORT);
    }

    private static final AlternativeValueRecorded SECOND_SOURCE = new AlternativeValueRecorded(PERIOD, "6.0.1", 1,
            new BigDecimal("3950000"), null, Qualifier.EXACTLY, "3.95 million items were seized in 2016",
            ANNUAL_REPORT);

    @Test
    void refusesAFigureWhoseMetricIsNotInTheCatalogueNamingTheKnownOnes() {
        fixture.given(OPENED, ITEM_6)
                .when(new RecordFigure(PERIOD, "6.0.9", 6, null, "partcipants", BigDecimal.TEN, "persons",
                        Qualifier.EXACTLY, Side.JOINT, Extent.year(2016), Basis.FLOW, "ten"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("metric partcipants of figure 6.0.9 is not in the catalogue; "
                        + "known metrics: items-seized, projects");
    }

    @Test
    void refusesAFigureInAUnitItsMetricDoesNotHave() {
        fixture.given(OPENED, ITEM_6)
                .when(new RecordFigure(PERIOD, "6.0.9", 6, null, "items-seized", BigDecimal.TEN, "tonnes",
                        Qualifier.EXACTLY, Side.JOINT, Extent.year(2016), Basis.FLOW, "ten"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("unit tonnes of figure 6.0.9 is not a unit of metric items-seized; "
                        + "its units: items");
    }

    @Test
    void refusesAFlowFigureOfARunningTotal() {
        fixture.given(OPENED, ITEM_6)
                .when(new RecordFigure(PERIOD, "6.0.9", 6, null, "projects", new BigDecimal("239"), "projects",
                        Qualifier.EXACTLY, Side.JOINT, Extent.year(2020), Basis.FLOW, "239 by 2020"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("metric projects is a running total in the catalogue"));
    }

    @Test
    void recordsTheCataloguesAggregationWithTheFigure() {
        fixture.given(OPENED, ITEM_6)
                .when(seized("6.0.1", 6, "4000000", Qualifier.EXACTLY, null, Extent.year(2016), null))
                .expectEvents(new FigureRecorded(PERIOD, "6.0.1", 6, null, "items-seized", new BigDecimal("4000000"),
                        "items", Qualifier.EXACTLY, Side.JOINT, Extent.year(2016), Basis.FLOW, "seized", null, null,
                        null, null, Aggregation.SUM));
    }

    @Test
    void recordsABetweenFigureWithItsHighEnd() {
        fixture.given(OPENED, ITEM_6)
                .when(seized("6.0.2", 6, "300", Qualifier.BETWEEN, "400.0", Extent.year(2016), null))
                .expectEvents(new FigureRecorded(PERIOD, "6.0.2", 6, null, "items-seized", new BigDecimal("300"),
                        "items", Qualifier.BETWEEN, Side.JOINT, Extent.year(2016), Basis.FLOW, "seized",
                        new BigDecimal("400"), null, null, null, Aggregation.SUM));
    }

    @Test
    void refusesABetweenFigureWhoseHighEndIsNotAboveItsLowEnd() {
        fixture.given(OPENED, ITEM_6)
                .when(seized("6.0.2", 6, "400", Qualifier.BETWEEN, "300", Extent.year(2016), null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the high end of figure 6.0.2 (300) must be above its low end (400)");
    }

    @Test
    void refusesABetweenFigureWithoutItsHighEnd() {
        fixture.given(OPENED, ITEM_6)
                .when(seized("6.0.2", 6, "300", Qualifier.BETWEEN, null, Extent.year(2016), null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("needs its high end (value_high)"));
    }

    @Test
    void refusesAHighEndOnAFigureThatIsNotBetween() {
        fixture.given(OPENED, ITEM_6)
                .when(seized("6.0.2", 6, "400", Qualifier.NEARLY, "500", Extent.year(2016), null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("only \"between\" takes one"));
    }

    @Test
    void recordsAFigureOfThePlanPeriodItselfWithNoItem() {
        fixture.given(OPENED)
                .when(new RecordFigure(PERIOD, "p.1", null, null, "projects", new BigDecimal("150"), null,
                        "projects", Qualifier.MORE_THAN, Side.JOINT, Extent.parse("2003/2014"), null,
                        Basis.CUMULATIVE, null, "more than 150 projects by 2014", null))
                .expectEvents(new FigureRecorded(PERIOD, "p.1", null, null, "projects", new BigDecimal("150"),
                        "projects", Qualifier.MORE_THAN, Side.JOINT, Extent.parse("2003/2014"), Basis.CUMULATIVE,
                        "more than 150 projects by 2014", null, null, null, null, Aggregation.CUMULATIVE));
    }

    @Test
    void refusesAnActivityFigureThatNamesNoItem() {
        fixture.given(OPENED)
                .when(new RecordFigure(PERIOD, "p.2", null, "6.1", "items-seized", BigDecimal.TEN, null, "items",
                        Qualifier.EXACTLY, Side.JOINT, Extent.year(2016), null, Basis.FLOW, null, "ten", null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure p.2 names activity 6.1 but no item; give the activity's item");
    }

    @Test
    void recordsAFigureThatIsPartOfAnotherOfTheSameMetricAndUnit() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016)
                .when(seized("6.1.1", 6, "1200000", Qualifier.EXACTLY, null, Extent.month(java.time.YearMonth.of(2016, 5)),
                        "6.0.1"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAPartOfAFigureThatIsNotRecorded() {
        fixture.given(OPENED, ITEM_6)
                .when(seized("6.1.1", 6, "1200000", Qualifier.EXACTLY, null, Extent.year(2016), "6.0.1"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure 6.1.1 is part of figure 6.0.1, which is not recorded in plan period "
                        + PERIOD + "; record it first");
    }

    @Test
    void refusesAPartOfAFigureOfAnotherMetric() {
        FigureRecorded projects = new FigureRecorded(PERIOD, "p.1", null, null, "projects", new BigDecimal("239"),
                "projects", Qualifier.EXACTLY, Side.JOINT, Extent.parse("2003/2020"), Basis.CUMULATIVE, "239",
                null, null, null, null, Aggregation.CUMULATIVE);
        fixture.given(OPENED, ITEM_6, projects)
                .when(seized("6.1.1", 6, "12", Qualifier.EXACTLY, null, Extent.year(2016), "p.1"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("a figure is part only of one of the same metric and unit"));
    }

    @Test
    void refusesAPartLargerThanTheWholeItIsPartOf() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016)
                .when(seized("6.1.1", 6, "5000000", Qualifier.EXACTLY, null, Extent.year(2016), "6.0.1"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure 6.1.1 (5000000) is larger than figure 6.0.1 (4000000) that it is part of");
    }

    @Test
    void recordsAnotherSourcesValueBesideTheFirst() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016)
                .when(otherSource("3950000.00"))
                .expectEvents(SECOND_SOURCE);
    }

    @Test
    void recordingTheSameSourcesValueAgainRecordsNothing() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016, SECOND_SOURCE)
                .when(otherSource("3950000"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnotherSourceThatAgreesWithTheRecordedValue() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016)
                .when(otherSource("4000000"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure 6.0.1 already has the value 4000000; a source that agrees is not "
                        + "a dispute");
    }

    @Test
    void refusesAnotherSourcesValueWithoutItsSource() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016)
                .when(new RecordAlternativeValue(PERIOD, "6.0.1", new BigDecimal("3950000"), null, Qualifier.EXACTLY,
                        " ", null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the source of the other value of figure 6.0.1 is required");
    }

    @Test
    void adoptsOneOfTheDisputedValuesWithAReason() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016, SECOND_SOURCE)
                .when(new AdoptValue(PERIOD, "6.0.1", 1, " The annual report is the audited figure "))
                .expectEvents(new ValueAdopted(PERIOD, "6.0.1", 1, new BigDecimal("3950000"), null,
                        Qualifier.EXACTLY, "The annual report is the audited figure"));
    }

    @Test
    void adoptsTheFirstValueAsCorrected() {
        FigureCorrected corrected = new FigureCorrected(PERIOD, "6.0.1", 6, new BigDecimal("4000000"),
                Qualifier.EXACTLY, new BigDecimal("4000000"), Qualifier.ABOUT, "rounded in the source", null);
        fixture.given(OPENED, ITEM_6, SEIZED_2016, corrected, SECOND_SOURCE)
                .when(new AdoptValue(PERIOD, "6.0.1", 0, "the press release is later"))
                .expectEvents(new ValueAdopted(PERIOD, "6.0.1", 0, new BigDecimal("4000000"), null, Qualifier.ABOUT,
                        "the press release is later"));
    }

    @Test
    void refusesToAdoptAValueOfAFigureThatIsNotDisputed() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016)
                .when(new AdoptValue(PERIOD, "6.0.1", 0, "it is right"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure 6.0.1 has one value only; there is nothing to adopt");
    }

    @Test
    void refusesToAdoptAValueThatIsNotRecorded() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016, SECOND_SOURCE)
                .when(new AdoptValue(PERIOD, "6.0.1", 2, "it is right"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure 6.0.1 has the values 0 to 1, not 2");
    }

    @Test
    void refusesAnAdoptionWithoutAReason() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016, SECOND_SOURCE)
                .when(new AdoptValue(PERIOD, "6.0.1", 1, ""))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the reason for adopting a value of figure 6.0.1 is required");
    }

    @Test
    void adoptingTheAdoptedValueAgainForItsReasonRecordsNothing() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016, SECOND_SOURCE, new ValueAdopted(PERIOD, "6.0.1", 1,
                        new BigDecimal("3950000"), null, Qualifier.EXACTLY, "audited"))
                .when(new AdoptValue(PERIOD, "6.0.1", 1, "audited "))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToAdoptTheAdoptedValueAgainForAnotherReason() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016, SECOND_SOURCE, new ValueAdopted(PERIOD, "6.0.1", 1,
                        new BigDecimal("3950000"), null, Qualifier.EXACTLY, "audited"))
                .when(new AdoptValue(PERIOD, "6.0.1", 1, "later"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("value 1 of figure 6.0.1 is already adopted, because audited");
    }

    @Test
    void aNewSourceAfterAnAdoptionOpensTheDisputeAgain() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016, SECOND_SOURCE, new ValueAdopted(PERIOD, "6.0.1", 1,
                        new BigDecimal("3950000"), null, Qualifier.EXACTLY, "audited"))
                .when(new RecordAlternativeValue(PERIOD, "6.0.1", new BigDecimal("3900000"), null, Qualifier.ABOUT,
                        "a third source", null))
                .expectEvents(new AlternativeValueRecorded(PERIOD, "6.0.1", 2, new BigDecimal("3900000"), null,
                        Qualifier.ABOUT, "a third source", null));
    }

    @Test
    void adoptingAValueAgainForTheReasonItWasAdoptedBeforeALaterSourceRecordsNothingAndTheDisputeStands() {
        ValueAdopted audited = new ValueAdopted(PERIOD, "6.0.1", 1, new BigDecimal("3950000"), null,
                Qualifier.EXACTLY, "audited");
        AlternativeValueRecorded third = new AlternativeValueRecorded(PERIOD, "6.0.1", 2, new BigDecimal("3900000"),
                null, Qualifier.ABOUT, "a third source", null);
        fixture.given(OPENED, ITEM_6, SEIZED_2016, SECOND_SOURCE, audited, third)
                .when(new AdoptValue(PERIOD, "6.0.1", 1, "audited"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void adoptsTheSameValueAgainAfterALaterSourceForAReasonGivenAnew() {
        fixture.given(OPENED, ITEM_6, SEIZED_2016, SECOND_SOURCE, new ValueAdopted(PERIOD, "6.0.1", 1,
                        new BigDecimal("3950000"), null, Qualifier.EXACTLY, "audited"),
                        new AlternativeValueRecorded(PERIOD, "6.0.1", 2, new BigDecimal("3900000"), null,
                                Qualifier.ABOUT, "a third source", null))
                .when(new AdoptValue(PERIOD, "6.0.1", 1, "audited; the third source rounds it"))
                .expectEvents(new ValueAdopted(PERIOD, "6.0.1", 1, new BigDecimal("3950000"), null, Qualifier.EXACTLY,
                        "audited; the third source rounds it"));
    }

    @Test
    void correctsABetweenFigureKeepingItsPreviousEnds() {
        FigureRecorded range = new FigureRecorded(PERIOD, "6.0.2", 6, null, "items-seized", new BigDecimal("300"),
                "items", Qualifier.BETWEEN, Side.JOINT, Extent.year(2016), Basis.FLOW, "seized",
                new BigDecimal("400"), null, null, null, Aggregation.SUM);
        fixture.given(OPENED, ITEM_6, range)
                .when(new CorrectFigure(PERIOD, "6.0.2", new BigDecimal("300"), new BigDecimal("450"),
                        Qualifier.BETWEEN, "misread"))
                .expectEvents(new FigureCorrected(PERIOD, "6.0.2", 6, new BigDecimal("300"), Qualifier.BETWEEN,
                        new BigDecimal("300"), Qualifier.BETWEEN, "misread", null, new BigDecimal("400"),
                        new BigDecimal("450")));
    }
}
