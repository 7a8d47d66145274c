package org.programmeledger.ledger.period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.ActivityRetracted;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.AmendItem;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.ItemAmended;
import org.programmeledger.ledger.api.ItemCompleted;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.ApprovePeriod;
import org.programmeledger.ledger.api.PeriodApproved;
import org.programmeledger.ledger.api.PeriodPublished;
import org.programmeledger.ledger.api.PeriodReturned;
import org.programmeledger.ledger.api.PeriodSubmitted;
import org.programmeledger.ledger.api.PublishPeriod;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.api.ReturnPeriod;
import org.programmeledger.ledger.api.SubmitPeriod;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.api.StaleVersion;
import org.programmeledger.ledger.registry.CatalogueEntry;
import org.programmeledger.ledger.service.LedgerRole;
import org.programmeledger.ledger.identity.PublicationPolicy;
import org.programmeledger.ledger.store.RecordingMetaData;

class PlanPeriodTest {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";
    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final LocalDate END = LocalDate.of(2022, 6, 30);
    private static final PlanPeriodOpened OPENED =
            new PlanPeriodOpened(PERIOD, "gdhk-ipr", "2020 - mid-2022", START, END);
    private static final ItemRegistered ITEM_5 = new ItemRegistered(PERIOD, 5, "Intelligence exchange", "enforcement",
            false, List.of("gd-customs", "hk-customs"), List.of(), "item 5");
    private static final Extent WHOLE_PERIOD = Extent.range(START, END);
    private static final ActivityRecorded EXCHANGE = new ActivityRecorded(PERIOD, "5.1", 5,
            ActivityKind.INTELLIGENCE_EXCHANGE, "Exchange of intelligence", List.of("gd-customs", "hk-customs"),
            List.of(), ActivityMode.UNSTATED, WHOLE_PERIOD, "the two sides exchanged");
    private static final FigureRecorded PIECES = new FigureRecorded(PERIOD, "5.1.1", 5, "5.1", "intelligence-pieces",
            new BigDecimal("183"), "pieces", Qualifier.EXACTLY, Side.JOINT, WHOLE_PERIOD, Basis.FLOW, "183 pieces");

    private AggregateTestFixture<PlanPeriod> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlanPeriod.class);
        fixture.registerInjectableResource(
                new RegistryOf(Set.of("gdhk-ipr"), Set.of("gd-customs", "hk-customs", "hkipd")));
        fixture.registerInjectableResource(new PublicationPolicy(List.of(LedgerRole.APPROVER), false));
    }

    private static RecordActivity exchange(String id, Extent date) {
        return new RecordActivity(PERIOD, id, 5, ActivityKind.INTELLIGENCE_EXCHANGE, "Exchange of intelligence",
                List.of("gd-customs", "hk-customs"), List.of(), ActivityMode.UNSTATED, date, "the two sides exchanged");
    }

    private static RecordFigure pieces(String id, String activityId, String value, Extent extent, Basis basis) {
        return new RecordFigure(PERIOD, id, 5, activityId, "intelligence-pieces", new BigDecimal(value), "pieces",
                Qualifier.EXACTLY, Side.JOINT, extent, basis, "183 pieces");
    }

    @Test
    void opensAPlanPeriodOfAnEstablishedProgramme() {
        fixture.givenNoPriorActivity()
                .when(new OpenPlanPeriod(PERIOD, "gdhk-ipr", "2020 - mid-2022", START, END))
                .expectSuccessfulHandlerExecution()
                .expectEvents(OPENED);
    }

    @Test
    void refusesAPlanPeriodOfAnUnknownProgramme() {
        fixture.givenNoPriorActivity()
                .when(new OpenPlanPeriod(PERIOD, "nobody", "2020 - mid-2022", START, END))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("programme nobody is not established");
    }

    @Test
    void refusesAPlanPeriodThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new OpenPlanPeriod(PERIOD, "gdhk-ipr", "backwards", END, START))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("plan period " + PERIOD + " ends (2020-01-01) before it starts (2022-06-30)");
    }

    @Test
    void reopeningWithTheSameDetailsRecordsNothing() {
        fixture.given(OPENED)
                .when(new OpenPlanPeriod(PERIOD, "gdhk-ipr", "2020 - mid-2022", START, END))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToReopenAPlanPeriodWithOtherDates() {
        fixture.given(OPENED)
                .when(new OpenPlanPeriod(PERIOD, "gdhk-ipr", "2020 - mid-2022", START, END.plusDays(1)))
                .expectException(LedgerRuleViolation.class);
    }

    @Test
    void registersAnItem() {
        fixture.given(OPENED)
                .when(new RegisterItem(PERIOD, 5, "Intelligence exchange", "enforcement", false,
                        List.of("gd-customs", "hk-customs"), List.of(), "item 5"))
                .expectEvents(ITEM_5);
    }

    @Test
    void refusesASecondItemWithTheSameNumberInThePeriod() {
        fixture.given(OPENED, ITEM_5)
                .when(new RegisterItem(PERIOD, 5, "Another item", "enforcement", false,
                        List.of("hkipd"), List.of(), "item 5 again"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("item 5 is already registered in plan period " + PERIOD
                        + " as \"Intelligence exchange\"; an item number is unique in its plan period");
    }

    @Test
    void registeringTheSameItemAgainRecordsNothing() {
        fixture.given(OPENED, ITEM_5)
                .when(new RegisterItem(PERIOD, 5, "Intelligence exchange", "enforcement", false,
                        List.of("gd-customs", "hk-customs"), List.of(), "item 5"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnItemNumberBelowOne() {
        fixture.given(OPENED)
                .when(new RegisterItem(PERIOD, 0, "Zero", null, false, List.of("hkipd"), List.of(), "s"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("an item number is a positive whole number, not 0");
    }

    @Test
    void refusesAnItemNamingAnUnknownOrganisation() {
        fixture.given(OPENED)
                .when(new RegisterItem(PERIOD, 3, "Contest", null, false, List.of("hkipd"),
                        List.of("zz-unknown", "aa-unknown"), "s"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("unknown organisations aa-unknown, zz-unknown; register them first");
    }

    @Test
    void recordsAnActivityUnderARegisteredItem() {
        fixture.given(OPENED, ITEM_5)
                .when(exchange("5.1", WHOLE_PERIOD))
                .expectEvents(EXCHANGE);
    }

    @Test
    void placesAnActivityWithAnUnstatedDateWithinItsPlanPeriod() {
        fixture.given(OPENED, ITEM_5)
                .when(exchange("5.2", Extent.unstated()))
                .expectEvents(new ActivityRecorded(PERIOD, "5.2", 5, ActivityKind.INTELLIGENCE_EXCHANGE,
                        "Exchange of intelligence", List.of("gd-customs", "hk-customs"), List.of(),
                        ActivityMode.UNSTATED, new Extent(START, END, DatePrecision.UNSTATED),
                        "the two sides exchanged"));
    }

    @Test
    void refusesAnActivityUnderAnUnregisteredItem() {
        fixture.given(OPENED)
                .when(exchange("5.1", WHOLE_PERIOD))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("item 5 is not registered in plan period " + PERIOD);
    }

    @Test
    void refusesAnActivityOnACompletedItem() {
        fixture.given(OPENED, ITEM_5, new ItemCompleted(PERIOD, 5))
                .when(exchange("5.1", WHOLE_PERIOD))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("item 5 is completed and takes no new activities");
    }

    @Test
    void reRecordingAnActivityOfACompletedItemRecordsNothing() {
        fixture.given(OPENED, ITEM_5, EXCHANGE, new ItemCompleted(PERIOD, 5))
                .when(exchange("5.1", WHOLE_PERIOD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnActivityIdAlreadyUsedWithOtherDetails() {
        fixture.given(OPENED, ITEM_5, EXCHANGE)
                .when(exchange("5.1", Extent.year(2021)))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("activity 5.1 is already recorded with other details; "
                        + "retract it and record a new one");
    }

    @Test
    void refusesAnActivityWhoseRangeEndsBeforeItStarts() {
        fixture.given(OPENED, ITEM_5)
                .when(exchange("5.1", Extent.range(LocalDate.of(2021, 5, 31), LocalDate.of(2021, 4, 1))))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the range of activity 5.1 ends (2021-04-01) before it starts (2021-05-31)");
    }

    @Test
    void refusesAnActivityDatedOutsideItsPlanPeriod() {
        fixture.given(OPENED, ITEM_5)
                .when(exchange("5.1", Extent.month(YearMonth.of(2019, 12))))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("activity 5.1 is dated December 2019, outside plan period "
                        + "2020 - mid-2022 (2020-01-01 to 2022-06-30)");
    }

    @Test
    void refusesAnActivityWithAnUnknownOrganiser() {
        fixture.given(OPENED, ITEM_5)
                .when(new RecordActivity(PERIOD, "5.1", 5, ActivityKind.MEETING, "Meeting", List.of("ghost"),
                        List.of(), ActivityMode.ONLINE, Extent.year(2021), "s"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("unknown organisation ghost; register it first");
    }

    @Test
    void completesAnItemOnce() {
        fixture.given(OPENED, ITEM_5)
                .when(new CompleteItem(PERIOD, 5))
                .expectEvents(new ItemCompleted(PERIOD, 5));
        fixture.given(OPENED, ITEM_5, new ItemCompleted(PERIOD, 5))
                .when(new CompleteItem(PERIOD, 5))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToCompleteAnUnregisteredItem() {
        fixture.given(OPENED)
                .when(new CompleteItem(PERIOD, 7))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("item 7 is not registered in plan period " + PERIOD);
    }

    @Test
    void recordsAFigureOfAnActivity() {
        fixture.given(OPENED, ITEM_5, EXCHANGE)
                .when(pieces("5.1.1", "5.1", "183", WHOLE_PERIOD, Basis.FLOW))
                .expectEvents(PIECES);
    }

    @Test
    void storesEveryWayOfWritingANumberTheSameWay() {
        fixture.given(OPENED, ITEM_5, EXCHANGE)
                .when(pieces("5.1.1", "5.1", "183.000", WHOLE_PERIOD, Basis.FLOW))
                .expectEvents(PIECES);
    }

    @Test
    void refusesANegativeFigure() {
        fixture.given(OPENED, ITEM_5, EXCHANGE)
                .when(pieces("5.1.1", "5.1", "-1", WHOLE_PERIOD, Basis.FLOW))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the value of figure 5.1.1 is negative (-1); "
                        + "a figure counts something and cannot be below zero");
    }

    @Test
    void refusesAFigureWhoseRangeEndsBeforeItStarts() {
        fixture.given(OPENED, ITEM_5, EXCHANGE)
                .when(pieces("5.1.1", "5.1", "1", Extent.range(END, START), Basis.FLOW))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the range of figure 5.1.1 ends (2020-01-01) before it starts (2022-06-30)");
    }

    @Test
    void refusesAFigureOfAnActivityNotRecorded() {
        fixture.given(OPENED, ITEM_5)
                .when(pieces("5.1.1", "5.9", "1", WHOLE_PERIOD, Basis.FLOW))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("activity 5.9 is not recorded in plan period " + PERIOD);
    }

    @Test
    void refusesAFigureOfAnActivityOfAnotherItem() {
        ItemRegistered item6 = new ItemRegistered(PERIOD, 6, "Joint operations", null, false,
                List.of("hk-customs"), List.of(), "item 6");
        fixture.given(OPENED, ITEM_5, item6, EXCHANGE)
                .when(new RecordFigure(PERIOD, "6.1", 6, "5.1", "joint-operations", BigDecimal.ONE, "operations",
                        Qualifier.EXACTLY, Side.JOINT, WHOLE_PERIOD, Basis.FLOW, "s"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("activity 5.1 belongs to item 5, not to item 6");
    }

    @Test
    void refusesAFigureThatDoesNotReachIntoThePlanPeriod() {
        fixture.given(OPENED, ITEM_5)
                .when(pieces("5.0.1", null, "1", Extent.year(2019), Basis.FLOW))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure 5.0.1 covers 2019, which does not reach into plan period "
                        + "2020 - mid-2022 (2020-01-01 to 2022-06-30)");
    }

    @Test
    void acceptsACumulativeFigureSinceABaseDateBeforeThePeriod() {
        Extent since2004 = Extent.range(LocalDate.of(2004, 1, 1), END);
        fixture.given(OPENED, ITEM_5)
                .when(pieces("5.0.1", null, "75", since2004, Basis.CUMULATIVE))
                .expectEvents(new FigureRecorded(PERIOD, "5.0.1", 5, null, "intelligence-pieces",
                        new BigDecimal("75"), "pieces", Qualifier.EXACTLY, Side.JOINT, since2004, Basis.CUMULATIVE,
                        "183 pieces"));
    }

    @Test
    void refusesACumulativeFigureWithoutABaseDate() {
        fixture.given(OPENED, ITEM_5)
                .when(pieces("5.0.1", null, "75", Extent.unstated(), Basis.CUMULATIVE))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("cumulative figure 5.0.1 needs its base date: give its extent as BASE/END");
    }

    @Test
    void refusesAFigureIdAlreadyUsedWithAnotherValue() {
        fixture.given(OPENED, ITEM_5, EXCHANGE, PIECES)
                .when(pieces("5.1.1", "5.1", "184", WHOLE_PERIOD, Basis.FLOW))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure 5.1.1 is already recorded with other details; correct it instead");
    }

    @Test
    void correctsAFigureKeepingThePreviousValue() {
        fixture.given(OPENED, ITEM_5, EXCHANGE, PIECES)
                .when(new CorrectFigure(PERIOD, "5.1.1", new BigDecimal("185"), Qualifier.ABOUT, "typo"))
                .expectEvents(new FigureCorrected(PERIOD, "5.1.1", 5, new BigDecimal("183"), Qualifier.EXACTLY,
                        new BigDecimal("185"), Qualifier.ABOUT, "typo", null));
    }

    @Test
    void refusesACorrectionWithoutAReason() {
        fixture.given(OPENED, ITEM_5, EXCHANGE, PIECES)
                .when(new CorrectFigure(PERIOD, "5.1.1", new BigDecimal("185"), Qualifier.EXACTLY, " "))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the reason for correcting figure 5.1.1 is required");
    }

    @Test
    void refusesACorrectionThatChangesNothing() {
        fixture.given(OPENED, ITEM_5, EXCHANGE, PIECES)
                .when(new CorrectFigure(PERIOD, "5.1.1", new BigDecimal("183"), Qualifier.EXACTLY, "check"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure 5.1.1 already reads 183");
    }

    @Test
    void refusesACorrectionOfAFigureNotRecorded() {
        fixture.given(OPENED, ITEM_5)
                .when(new CorrectFigure(PERIOD, "9.9.9", BigDecimal.TEN, Qualifier.EXACTLY, "why"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure 9.9.9 is not recorded in plan period " + PERIOD);
    }

    @Test
    void retractsAnActivityOnceWithAReason() {
        fixture.given(OPENED, ITEM_5, EXCHANGE)
                .when(new RetractActivity(PERIOD, "5.1", "recorded under the wrong item"))
                .expectEvents(new ActivityRetracted(PERIOD, "5.1", 5, "recorded under the wrong item", null));
        fixture.given(OPENED, ITEM_5, EXCHANGE, new ActivityRetracted(PERIOD, "5.1", 5, "wrong", null))
                .when(new RetractActivity(PERIOD, "5.1", "again"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("activity 5.1 is already retracted");
    }

    @Test
    void amendsAnItemsTitleAndAreaKeepingThePreviousOnes() {
        fixture.given(OPENED, ITEM_5)
                .when(new AmendItem(PERIOD, 5, "Exchange of intelligence on IP infringements", null, "fuller title"))
                .expectEvents(new ItemAmended(PERIOD, 5, "Intelligence exchange", "enforcement",
                        "Exchange of intelligence on IP infringements", "enforcement", "fuller title", null));
    }

    @Test
    void refusesAnAmendmentWithoutAReasonOrWithoutAChange() {
        fixture.given(OPENED, ITEM_5)
                .when(new AmendItem(PERIOD, 5, "New title", null, ""))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the reason for amending item 5 is required");
        fixture.given(OPENED, ITEM_5)
                .when(new AmendItem(PERIOD, 5, "Intelligence exchange", "enforcement", "no change"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("item 5 already has that title and area");
    }

    @Test
    void answersACommandWithThePeriodsNewVersion() {
        fixture.given(OPENED, ITEM_5)
                .when(exchange("5.1", WHOLE_PERIOD))
                .expectResultMessagePayload(2L);
    }

    @Test
    void refusesACommandSentAgainstAStaleVersion() {
        fixture.given(OPENED, ITEM_5)
                .when(exchange("5.1", WHOLE_PERIOD), Map.of(RecordingMetaData.EXPECTED_VERSION, 0L))
                .expectException(StaleVersion.class)
                .expectExceptionMessage("plan period " + PERIOD + " is at version 1, not 0; read it again and retry")
                .expectNoEvents();
    }

    @Test
    void acceptsACommandSentAgainstTheCurrentVersion() {
        fixture.given(OPENED, ITEM_5)
                .when(exchange("5.1", WHOLE_PERIOD), Map.of(RecordingMetaData.EXPECTED_VERSION, 1L))
                .expectEvents(EXCHANGE);
    }

    @Test
    void recordingAFigureAgainAfterItsActivityWasRetractedRecordsNothing() {
        fixture.given(OPENED, ITEM_5, EXCHANGE, PIECES, new ActivityRetracted(PERIOD, "5.1", 5, "wrong", null))
                .when(pieces("5.1.1", "5.1", "183", WHOLE_PERIOD, Basis.FLOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordingAFigureAgainAfterItsMetricWasCataloguedRecordsNothing() {
        AggregateTestFixture<PlanPeriod> catalogued = new AggregateTestFixture<>(PlanPeriod.class);
        catalogued.registerInjectableResource(new RegistryOf(Set.of("gdhk-ipr"), Set.of("gd-customs", "hk-customs"))
                .withMetrics(new CatalogueEntry("intelligence-pieces", List.of("pieces"), Aggregation.LEVEL)));
        catalogued.registerInjectableResource(new PublicationPolicy(List.of(LedgerRole.APPROVER), false));

        catalogued.given(OPENED, ITEM_5, EXCHANGE, PIECES)
                .when(pieces("5.1.1", "5.1", "183", WHOLE_PERIOD, Basis.FLOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        catalogued.given(OPENED, ITEM_5, EXCHANGE, PIECES)
                .when(pieces("5.1.1", "5.1", "184", WHOLE_PERIOD, Basis.FLOW))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure 5.1.1 is already recorded with other details; correct it instead");
    }

    @Test
    void refusesFiguresOnARetractedActivity() {
        fixture.given(OPENED, ITEM_5, EXCHANGE, new ActivityRetracted(PERIOD, "5.1", 5, "wrong", null))
                .when(pieces("5.1.1", "5.1", "183", WHOLE_PERIOD, Basis.FLOW))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("activity 5.1 is retracted and takes no figures");
    }

    // Publication: draft -> submitted -> approved -> published, each step by its role.

    private static final Map<String, Object> SAM = Map.of(RecordingMetaData.USER, "sam", RecordingMetaData.ROLE,
            "SECRETARIAT");
    private static final Map<String, Object> APRIL = Map.of(RecordingMetaData.USER, "april", RecordingMetaData.ROLE,
            "APPROVER");
    private static final PeriodSubmitted SUBMITTED = new PeriodSubmitted(PERIOD, "sam", "for the annual meeting");
    private static final PeriodApproved APPROVED = new PeriodApproved(PERIOD, "april", null);
    private static final List<PublishedFile> FILES = List.of(new PublishedFile("report/summary.html", "0".repeat(64),
            1200));
    private static final PeriodPublished PUBLISHED = new PeriodPublished(PERIOD, 1, 120, "ab".repeat(32), FILES, "sam",
            null);

    private static PublishPeriod publish(int number) {
        return new PublishPeriod(PERIOD, number, 120, "ab".repeat(32), FILES, null);
    }

    @Test
    void theSecretariatSubmitsAPeriod() {
        fixture.given(OPENED, ITEM_5)
                .when(new SubmitPeriod(PERIOD, "for the annual meeting"), SAM)
                .expectEvents(SUBMITTED);
    }

    @Test
    void onlyTheSecretariatSubmitsOrPublishes() {
        fixture.given(OPENED, ITEM_5)
                .when(new SubmitPeriod(PERIOD, null), APRIL)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the role APPROVER may not submit plan period " + PERIOD + "; SECRETARIAT may");
        fixture.given(OPENED, ITEM_5, SUBMITTED, APPROVED)
                .when(publish(1), APRIL)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the role APPROVER may not publish plan period " + PERIOD + "; SECRETARIAT may");
    }

    @Test
    void anApproverApprovesASubmission() {
        fixture.given(OPENED, ITEM_5, SUBMITTED)
                .when(new ApprovePeriod(PERIOD, " "), APRIL)
                .expectEvents(APPROVED);
    }

    @Test
    void theSecretariatMayNotApprove() {
        fixture.given(OPENED, ITEM_5, SUBMITTED)
                .when(new ApprovePeriod(PERIOD, null), Map.of(RecordingMetaData.USER, "sue",
                        RecordingMetaData.ROLE, "SECRETARIAT"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the role SECRETARIAT may not approve plan period " + PERIOD + "; APPROVER may")
                .expectNoEvents();
    }

    @Test
    void nobodyApprovesTheirOwnSubmissionUnlessConfigured() {
        AggregateTestFixture<PlanPeriod> small = new AggregateTestFixture<>(PlanPeriod.class);
        small.registerInjectableResource(new RegistryOf(Set.of("gdhk-ipr"), Set.of()));
        small.registerInjectableResource(new PublicationPolicy(List.of(LedgerRole.APPROVER, LedgerRole.SECRETARIAT),
                false));
        small.given(OPENED, ITEM_5, SUBMITTED)
                .when(new ApprovePeriod(PERIOD, null), SAM)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("sam submitted plan period " + PERIOD
                        + " and may not approve it too; another approver must");
    }

    @Test
    void selfApprovalWhereConfigured() {
        AggregateTestFixture<PlanPeriod> small = new AggregateTestFixture<>(PlanPeriod.class);
        small.registerInjectableResource(new RegistryOf(Set.of("gdhk-ipr"), Set.of()));
        small.registerInjectableResource(new PublicationPolicy(List.of(LedgerRole.SECRETARIAT), true));
        small.given(OPENED, ITEM_5, SUBMITTED)
                .when(new ApprovePeriod(PERIOD, "checked"), SAM)
                .expectEvents(new PeriodApproved(PERIOD, "sam", "checked"));
    }

    @Test
    void refusesToApproveWhatWasNotSubmittedOrChangedSince() {
        fixture.given(OPENED, ITEM_5)
                .when(new ApprovePeriod(PERIOD, null), APRIL)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("plan period " + PERIOD + " is not submitted (it is DRAFT); the secretariat "
                        + "submits it first");
        fixture.given(OPENED, ITEM_5, SUBMITTED, EXCHANGE)
                .when(new ApprovePeriod(PERIOD, null), APRIL)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("plan period " + PERIOD + " changed since it was submitted; the secretariat "
                        + "must submit it again before you approve it");
    }

    @Test
    void anApproverReturnsASubmissionSayingWhatToChange() {
        fixture.given(OPENED, ITEM_5, SUBMITTED)
                .when(new ReturnPeriod(PERIOD, " "), APRIL)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the comment saying what to change in plan period " + PERIOD + " is required");
        fixture.given(OPENED, ITEM_5, SUBMITTED)
                .when(new ReturnPeriod(PERIOD, "item 5 lacks its figures"), APRIL)
                .expectEvents(new PeriodReturned(PERIOD, "april", "item 5 lacks its figures"));
        fixture.given(OPENED, ITEM_5, SUBMITTED, new PeriodReturned(PERIOD, "april", "fix"))
                .when(new ApprovePeriod(PERIOD, null), APRIL)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("plan period " + PERIOD + " is not submitted (it is DRAFT); the secretariat "
                        + "submits it first");
    }

    @Test
    void refusesASubmissionThatChangesNothing() {
        fixture.given(OPENED, ITEM_5, SUBMITTED)
                .when(new SubmitPeriod(PERIOD, null), SAM)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("plan period " + PERIOD + " is already submitted and awaits approval");
        fixture.given(OPENED, ITEM_5, SUBMITTED, APPROVED, PUBLISHED)
                .when(new SubmitPeriod(PERIOD, null), SAM)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("plan period " + PERIOD + " has not changed since publication 1; there is "
                        + "nothing new to submit");
    }

    @Test
    void publishesApprovedFigures() {
        fixture.given(OPENED, ITEM_5, SUBMITTED, APPROVED)
                .when(publish(1), SAM)
                .expectEvents(PUBLISHED);
    }

    @Test
    void refusesToPublishUnapprovedOrChangedFigures() {
        fixture.given(OPENED, ITEM_5, SUBMITTED)
                .when(publish(1), SAM)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("plan period " + PERIOD + " is not approved (it is SUBMITTED); only approved "
                        + "figures are published");
        fixture.given(OPENED, ITEM_5, SUBMITTED, APPROVED, EXCHANGE)
                .when(publish(1), SAM)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("plan period " + PERIOD + " changed since its approval; submit it again and "
                        + "have it approved");
        fixture.given(OPENED, ITEM_5, SUBMITTED, APPROVED)
                .when(publish(2), SAM)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the next publication of plan period " + PERIOD + " is number 1, not 2");
        fixture.given(OPENED, ITEM_5, SUBMITTED, APPROVED)
                .when(new PublishPeriod(PERIOD, 1, 120, "ab".repeat(32),
                        List.of(new PublishedFile("report/summary.html", "not-a-sum", 3)), null), SAM)
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("file report/summary.html of the publication needs its SHA-256 in lower-case "
                        + "hex");
    }

    @Test
    void aCorrectionAfterPublicationNamesThePublicationItCorrects() {
        fixture.given(OPENED, ITEM_5, EXCHANGE, PIECES, SUBMITTED, APPROVED, PUBLISHED)
                .when(new CorrectFigure(PERIOD, "5.1.1", new BigDecimal("185"), Qualifier.EXACTLY, "count checked"),
                        SAM)
                .expectEvents(new FigureCorrected(PERIOD, "5.1.1", 5, new BigDecimal("183"), Qualifier.EXACTLY,
                        new BigDecimal("185"), Qualifier.EXACTLY, "count checked", 1));
        fixture.given(OPENED, ITEM_5, EXCHANGE, PIECES, SUBMITTED, APPROVED, PUBLISHED)
                .when(new RetractActivity(PERIOD, "5.1", "duplicate"), SAM)
                .expectEvents(new ActivityRetracted(PERIOD, "5.1", 5, "duplicate", 1));
    }

    @Test
    void aChangedPublishedPeriodGoesRoundAgainToPublicationTwo() {
        FigureCorrected corrected = new FigureCorrected(PERIOD, "5.1.1", 5, new BigDecimal("183"), Qualifier.EXACTLY,
                new BigDecimal("185"), Qualifier.EXACTLY, "count checked", 1);
        fixture.given(OPENED, ITEM_5, EXCHANGE, PIECES, SUBMITTED, APPROVED, PUBLISHED, corrected, SUBMITTED,
                        APPROVED)
                .when(publish(2), SAM)
                .expectEvents(new PeriodPublished(PERIOD, 2, 120, "ab".repeat(32), FILES, "sam", null));
    }
}
