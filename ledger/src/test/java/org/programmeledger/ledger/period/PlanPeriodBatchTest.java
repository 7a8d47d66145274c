package org.programmeledger.ledger.period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.ActivityRecorded;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.BatchLine;
import org.programmeledger.ledger.api.BatchOutcome;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.DatePrecision;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.ItemCompleted;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.PlanPeriodRecording;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RecordPlanPeriodBatch;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.service.LedgerRole;
import org.programmeledger.ledger.identity.PublicationPolicy;
import org.programmeledger.ledger.store.RecordingMetaData;

/** A batch decides each of its commands as that command alone would, in order, line by line. */
class PlanPeriodBatchTest {

    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";
    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final LocalDate END = LocalDate.of(2022, 6, 30);
    private static final PlanPeriodOpened OPENED =
            new PlanPeriodOpened(PERIOD, "gdhk-ipr", "2020 - mid-2022", START, END);
    private static final RegisterItem REGISTER_5 = new RegisterItem(PERIOD, 5, "Intelligence exchange",
            "enforcement", false, List.of("gd-customs"), List.of(), "item 5");
    private static final ItemRegistered ITEM_5 = new ItemRegistered(PERIOD, 5, "Intelligence exchange",
            "enforcement", false, List.of("gd-customs"), List.of(), "item 5");
    private static final RecordActivity EXCHANGE = new RecordActivity(PERIOD, "5.1", 5,
            ActivityKind.INTELLIGENCE_EXCHANGE, "Exchange", List.of("gd-customs"), List.of(), ActivityMode.UNSTATED,
            Extent.unstated(), "exchanged");
    private static final ActivityRecorded EXCHANGED = new ActivityRecorded(PERIOD, "5.1", 5,
            ActivityKind.INTELLIGENCE_EXCHANGE, "Exchange", List.of("gd-customs"), List.of(), ActivityMode.UNSTATED,
            new Extent(START, END, DatePrecision.UNSTATED), "exchanged");
    private static final RecordFigure PIECES = new RecordFigure(PERIOD, "5.1.1", 5, "5.1", "pieces",
            new BigDecimal("183"), "pieces", Qualifier.EXACTLY, Side.JOINT, Extent.unstated(), Basis.FLOW, "183");
    private static final FigureRecorded PIECES_RECORDED = new FigureRecorded(PERIOD, "5.1.1", 5, "5.1", "pieces",
            new BigDecimal("183"), "pieces", Qualifier.EXACTLY, Side.JOINT, new Extent(START, END, DatePrecision.UNSTATED), Basis.FLOW,
            "183");

    private AggregateTestFixture<PlanPeriod> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlanPeriod.class);
        fixture.registerInjectableResource(new RegistryOf(Set.of("gdhk-ipr"), Set.of("gd-customs")));
        fixture.registerInjectableResource(new PublicationPolicy(List.of(LedgerRole.APPROVER), false));
    }

    private static RecordPlanPeriodBatch batch(PlanPeriodRecording... commands) {
        return new RecordPlanPeriodBatch(PERIOD, IntStream.range(0, commands.length)
                .mapToObj(n -> new BatchLine<>(n + 2, commands[n])).toList());
    }

    @Test
    void recordsTheEventsOfItsCommandsInOrderEachWithItsLine() {
        fixture.given(OPENED)
                .when(batch(REGISTER_5, EXCHANGE, PIECES, new CompleteItem(PERIOD, 5)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ITEM_5, EXCHANGED, PIECES_RECORDED, new ItemCompleted(PERIOD, 5))
                .expectResultMessagePayload(new BatchOutcome(List.of(), List.of()))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        lineIs(2), lineIs(3), lineIs(4), lineIs(5),
                        Matchers.andNoMore()));
    }

    private static Matcher<EventMessage<?>> lineIs(long line) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> event) {
                return Long.valueOf(line).equals(event.getMetaData().get(RecordingMetaData.LINE));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event of line " + line);
            }
        };
    }

    @Test
    void aRefusedCommandRecordsNothingAndTheRestAreStillDecided() {
        RecordActivity onUnknownItem = new RecordActivity(PERIOD, "9.1", 9, ActivityKind.FORUM, "Forum",
                List.of(), List.of(), ActivityMode.ONLINE, Extent.unstated(), "no item 9");
        fixture.given(OPENED)
                .when(batch(REGISTER_5, onUnknownItem, EXCHANGE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ITEM_5, EXCHANGED)
                .expectResultMessagePayload(new BatchOutcome(List.of(new BatchOutcome.Refusal(3,
                        "item 9 is not registered in plan period " + PERIOD)), List.of()));
    }

    @Test
    void aLaterCommandSeesWhatAnEarlierOneOfTheBatchRecorded() {
        RegisterItem sameNumberOtherTitle = new RegisterItem(PERIOD, 5, "Another", "enforcement", false,
                List.of(), List.of(), "again");
        fixture.given(OPENED)
                .when(batch(REGISTER_5, sameNumberOtherTitle))
                .expectEvents(ITEM_5)
                .expectResultMessagePayload(new BatchOutcome(List.of(new BatchOutcome.Refusal(3, "item 5 is "
                        + "already registered in plan period " + PERIOD + " as \"Intelligence exchange\"; an item "
                        + "number is unique in its plan period")), List.of()));
    }

    @Test
    void namesTheCommandsWhoseEventsAreAlreadyInTheLedger() {
        fixture.given(OPENED, ITEM_5)
                .when(batch(REGISTER_5, EXCHANGE, EXCHANGE))
                .expectEvents(EXCHANGED)
                .expectResultMessagePayload(new BatchOutcome(List.of(), List.of(2L, 4L)));
    }

    @Test
    void refusesABatchThatHoldsACommandOfAnotherPeriod() {
        fixture.given(OPENED)
                .when(new RecordPlanPeriodBatch(PERIOD, List.of(new BatchLine<>(2,
                        new CompleteItem("elsewhere", 1)))))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("line 2 names plan period elsewhere, not " + PERIOD
                        + "; a batch holds the commands of one plan period")
                .expectNoEvents();
    }
}
