package org.programmeledger.ledger.programme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledger.api.ProgrammeFigureRecorded;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.period.RegistryOf;
import org.programmeledger.ledger.registry.CatalogueEntry;

/** Facts of the programme itself: no plan period, no item, and an unstated date stays unstated. */
class ProgrammeFigureTest {

    private static final ProgrammeEstablished ESTABLISHED = new ProgrammeEstablished("gdhk-ipr", "Expert Group");
    private static final CatalogueEntry MEETINGS = new CatalogueEntry("meetings-held", List.of("meetings"),
            Aggregation.SUM);
    private static final CatalogueEntry PROJECTS = new CatalogueEntry("projects", List.of("projects"),
            Aggregation.CUMULATIVE);

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(new RegistryOf(Set.of("gdhk-ipr"), Set.of()).withMetrics(MEETINGS, PROJECTS));
    }

    private static RecordProgrammeFigure meeting(String id, Extent extent, String label, String partOf) {
        return new RecordProgrammeFigure("gdhk-ipr", id, "meetings-held", BigDecimal.ONE, null, "meetings",
                Qualifier.EXACTLY, Side.JOINT, extent, label, Basis.FLOW, partOf, "the 14th meeting", null);
    }

    @Test
    void recordsAnUndatedMeetingWithItsLabelAndNoPlacedDate() {
        fixture.given(ESTABLISHED)
                .when(meeting("m14", Extent.unstated(), " the 14th meeting ", null))
                .expectEvents(new ProgrammeFigureRecorded("gdhk-ipr", "m14", "meetings-held", BigDecimal.ONE, null,
                        "meetings", Qualifier.EXACTLY, Side.JOINT, Extent.unstated(), "the 14th meeting", Basis.FLOW,
                        null, "the 14th meeting", null, Aggregation.SUM));
    }

    @Test
    void recordsAYearOnlyFact() {
        fixture.given(ESTABLISHED)
                .when(meeting("m2004", Extent.year(2004), null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAProgrammeFactWhoseMetricIsNotInTheCatalogue() {
        fixture.given(ESTABLISHED)
                .when(new RecordProgrammeFigure("gdhk-ipr", "e1", "endorsements", BigDecimal.ONE, null, "items",
                        Qualifier.EXACTLY, Side.JOINT, Extent.year(2010), null, Basis.FLOW, null, "endorsed", null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("metric endorsements of figure e1 of programme gdhk-ipr is not in the "
                        + "catalogue; known metrics: meetings-held, projects");
    }

    @Test
    void refusesACumulativeProgrammeFactWithoutABaseDate() {
        fixture.given(ESTABLISHED)
                .when(new RecordProgrammeFigure("gdhk-ipr", "p1", "projects", new BigDecimal("239"), null,
                        "projects", Qualifier.EXACTLY, Side.JOINT, Extent.unstated(), "by 2020", Basis.CUMULATIVE,
                        null, "239 projects", null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("cumulative figure p1 of programme gdhk-ipr needs its base date: give its "
                        + "extent as BASE/END");
    }

    @Test
    void refusesAPartOfAProgrammeFactThatIsNotRecorded() {
        fixture.given(ESTABLISHED)
                .when(meeting("m14", Extent.unstated(), null, "meetings-2010"))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure m14 is part of figure meetings-2010, which is not recorded in "
                        + "programme gdhk-ipr; record it first");
    }

    @Test
    void refusesTheSameFigureIdWithOtherDetails() {
        fixture.given(ESTABLISHED, new ProgrammeFigureRecorded("gdhk-ipr", "m14", "meetings-held", BigDecimal.ONE,
                        null, "meetings", Qualifier.EXACTLY, Side.JOINT, Extent.unstated(), null, Basis.FLOW, null,
                        "the 14th meeting", null, Aggregation.SUM))
                .when(meeting("m14", Extent.year(2012), null, null))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("figure m14 of programme gdhk-ipr is already recorded with other details");
    }
}
