package org.programmeledger.ledger.metric;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.AmendMetric;
import org.programmeledger.ledger.api.DefineMetric;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.MetricAmended;
import org.programmeledger.ledger.api.MetricDefined;

class MetricTest {

    private static final MetricDefined PASSES = new MetricDefined("exam-passes", "Exam passes", List.of("residents"),
            Aggregation.CUMULATIVE, true, "Residents who passed", "Since 2004, a total of 75");

    private AggregateTestFixture<Metric> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Metric.class);
    }

    private static DefineMetric define(List<String> units, Aggregation aggregation) {
        return new DefineMetric(" exam-passes ", "Exam passes ", units, aggregation, true, "Residents who passed",
                "Since 2004, a total of 75");
    }

    @Test
    void definesAMetricWithItsUnitsAndAggregation() {
        fixture.givenNoPriorActivity()
                .when(define(List.of(" residents ", "residents"), Aggregation.CUMULATIVE))
                .expectEvents(PASSES);
    }

    @Test
    void definingTheSameMetricAgainRecordsNothing() {
        fixture.given(PASSES)
                .when(define(List.of("residents"), Aggregation.CUMULATIVE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToDefineAMetricAgainWithOtherDetails() {
        fixture.given(PASSES)
                .when(define(List.of("residents"), Aggregation.SUM))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("metric  exam-passes  is already in the catalogue with other details; "
                        + "amend it instead");
    }

    @Test
    void refusesAMetricWithoutAUnit() {
        fixture.givenNoPriorActivity()
                .when(define(List.of(" "), Aggregation.SUM))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("metric  exam-passes  needs at least one unit");
    }

    @Test
    void amendsAMetricAddingAUnit() {
        fixture.given(PASSES)
                .when(new AmendMetric("exam-passes", "Exam passes", List.of("residents", "persons"),
                        Aggregation.CUMULATIVE, true, "Residents who passed", "a source counts persons"))
                .expectEvents(new MetricAmended("exam-passes", "Exam passes", List.of("residents", "persons"),
                        Aggregation.CUMULATIVE, true, "Residents who passed", "a source counts persons"));
    }

    @Test
    void refusesAnAmendmentThatDropsAUnit() {
        fixture.given(PASSES)
                .when(new AmendMetric("exam-passes", "Exam passes", List.of("persons"), Aggregation.CUMULATIVE, true,
                        "Residents who passed", "persons only"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("metric exam-passes keeps its unit(s) [residents], since figures may be "
                        + "recorded in them; units are only added");
    }

    @Test
    void refusesToMakeARunningTotalAFlow() {
        fixture.given(PASSES)
                .when(new AmendMetric("exam-passes", "Exam passes", List.of("residents"), Aggregation.SUM, true,
                        "Residents who passed", "added up"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("metric exam-passes is a running total: its figures are recorded as running "
                        + "totals (basis cumulative), which are never added, so it cannot become sum; record flows "
                        + "under another metric");
    }

    @Test
    void refusesToMakeAFlowARunningTotal() {
        fixture.given(new MetricDefined("sessions", "Sessions", List.of("sessions"), Aggregation.SUM, true, null,
                        "a source"))
                .when(new AmendMetric("sessions", "Sessions", List.of("sessions"), Aggregation.CUMULATIVE, true, null,
                        "since 2004"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("metric sessions adds up within a period: its figures are flows (basis "
                        + "flow), not running totals, so it cannot become cumulative; record running totals under "
                        + "another metric");
    }

    @Test
    void amendsAFlowIntoALevel() {
        fixture.given(new MetricDefined("sessions", "Sessions", List.of("sessions"), Aggregation.SUM, true, null,
                        "a source"))
                .when(new AmendMetric("sessions", "Sessions", List.of("sessions"), Aggregation.LEVEL, true, null,
                        "a count standing at a day"))
                .expectEvents(new MetricAmended("sessions", "Sessions", List.of("sessions"), Aggregation.LEVEL, true,
                        null, "a count standing at a day"));
    }

    @Test
    void refusesAnAmendmentWithoutAReason() {
        fixture.given(PASSES)
                .when(new AmendMetric("exam-passes", "Exam passes", List.of("residents"), Aggregation.LEVEL, true,
                        null, " "))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("the reason for amending metric exam-passes is required");
    }

    @Test
    void refusesAnAmendmentThatChangesNothing() {
        fixture.given(PASSES)
                .when(new AmendMetric("exam-passes", "Exam passes", List.of("residents"), Aggregation.CUMULATIVE, true,
                        "Residents who passed", "again"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("metric exam-passes already reads so");
    }
}
