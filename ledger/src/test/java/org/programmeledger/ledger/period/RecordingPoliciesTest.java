package org.programmeledger.ledger.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.AdoptValue;
import org.programmeledger.ledger.api.AmendItem;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.PlanPeriodOpened;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordAlternativeValue;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RetractActivity;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.registry.Registry;

/**
 * The policies of items, activities and figures on their own, against records fed as the plan period feeds them:
 * what each decides, and that what it decides, fed back, is what the next decision sees.
 */
class RecordingPoliciesTest {

    private static final PlanPeriodOpened PERIOD = new PlanPeriodOpened("p", "prog", "2021",
            LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
    private static final Registry REGISTRY = new RegistryOf(Set.of("prog"), Set.of("o1"));

    private final ItemRecords items = new ItemRecords();
    private final ActivityRecords activities = new ActivityRecords();
    private final FigureRecords figures = new FigureRecords();

    private void itemTwo() {
        items.on(ItemPolicy.register(new RegisterItem("p", 2, " Talent ", " ", true, List.of(" o1 ", ""), null,
                "s"), "p", items, REGISTRY).orElseThrow());
    }

    private void activityTwoOne() {
        activities.on(ActivityPolicy.record(new RecordActivity("p", "2.1", 2, ActivityKind.COURSE, "Course",
                List.of("o1"), List.of(), ActivityMode.ONLINE, Extent.month(YearMonth.of(2021, 3)), "s"),
                PERIOD, items, activities, REGISTRY).orElseThrow());
    }

    private RecordFigure figure(String id, String value) {
        return new RecordFigure("p", id, 2, "2.1", "participants", new BigDecimal(value), "persons",
                Qualifier.EXACTLY, Side.JOINT, Extent.unstated(), Basis.FLOW, "s");
    }

    @Test
    void anItemIsRegisteredOnceTrimmedAndThenAmendedFromItsCurrentTitle() {
        itemTwo();

        assertThat(items.registered(2).title()).isEqualTo("Talent");
        assertThat(items.registered(2).isOf(new ItemRegistered("p", 2, "Talent", null, true, List.of("o1"), List.of(),
                "s"))).isTrue();
        assertThat(items.registered(2).isOf(new ItemRegistered("p", 2, "Talent", null, true, List.of("o1", "o2"),
                List.of(), "s"))).isFalse();
        assertThat(ItemPolicy.register(new RegisterItem("p", 2, "Talent", null, true, List.of("o1"), List.of(), "s"),
                "p", items, REGISTRY)).isEmpty();
        items.on(ItemPolicy.amend(new AmendItem("p", 2, "Talent nurturing", null, "typo"), "p", items, 3));
        assertThatThrownBy(() -> ItemPolicy.amend(new AmendItem("p", 2, "Talent nurturing", null, "again"), "p",
                items, 3)).isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("item 2 already has that title and area");
    }

    @Test
    void aCompletedItemIsCompletedOnceAndTakesNoNewActivity() {
        itemTwo();
        items.on(ItemPolicy.complete(new CompleteItem("p", 2), "p", items).orElseThrow());

        assertThat(ItemPolicy.complete(new CompleteItem("p", 2), "p", items)).isEmpty();
        assertThatThrownBy(this::activityTwoOne).isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("item 2 is completed and takes no new activities");
    }

    @Test
    void aRetractedActivityTakesNoFiguresAndIsRetractedOnce() {
        itemTwo();
        activityTwoOne();
        activities.on(ActivityPolicy.retract(new RetractActivity("p", "2.1", " error "), "p", activities, null));

        assertThat(activities.isRetracted("2.1")).isTrue();
        assertThatThrownBy(() -> ActivityPolicy.retract(new RetractActivity("p", "2.1", "again"), "p", activities,
                null)).hasMessage("activity 2.1 is already retracted");
        assertThatThrownBy(() -> FigurePolicy.record(figure("f", "5"), PERIOD, items, activities, figures, REGISTRY))
                .hasMessage("activity 2.1 is retracted and takes no figures");
    }

    @Test
    void aFigureIsCorrectedFromItsCurrentValueAndAnotherSourcesValueIsAdopted() {
        itemTwo();
        activityTwoOne();
        figures.on(FigurePolicy.record(figure("f", "250.0"), PERIOD, items, activities, figures, REGISTRY)
                .orElseThrow());
        figures.on(FigurePolicy.correct(new CorrectFigure("p", "f", new BigDecimal("260"), Qualifier.EXACTLY,
                "typo"), "p", activities, figures, null));
        figures.on(FigurePolicy.recordAlternative(new RecordAlternativeValue("p", "f", new BigDecimal("300"), null,
                Qualifier.ABOUT, "other", null), "p", activities, figures).orElseThrow());

        assertThat(figures.recorded("f").value()).isEqualByComparingTo("250");
        assertThat(figures.currentValue("f", figures.recorded("f")).value()).isEqualByComparingTo("260");
        assertThatThrownBy(() -> FigurePolicy.correct(new CorrectFigure("p", "f", new BigDecimal("260"),
                Qualifier.EXACTLY, "same"), "p", activities, figures, null)).hasMessage("figure f already reads 260");
        assertThat(FigurePolicy.adopt(new AdoptValue("p", "f", 1, "newer"), "p", activities, figures)
                .orElseThrow().value()).isEqualByComparingTo("300");
    }

    @Test
    void aFigureOfTheSameIdWithOtherDetailsIsRefused() {
        itemTwo();
        activityTwoOne();
        figures.on(FigurePolicy.record(figure("f", "5"), PERIOD, items, activities, figures, REGISTRY).orElseThrow());

        assertThat(FigurePolicy.record(figure("f", "5.00"), PERIOD, items, activities, figures, REGISTRY)).isEmpty();
        assertThatThrownBy(() -> FigurePolicy.record(figure("f", "6"), PERIOD, items, activities, figures, REGISTRY))
                .hasMessage("figure f is already recorded with other details; correct it instead");
    }
}
