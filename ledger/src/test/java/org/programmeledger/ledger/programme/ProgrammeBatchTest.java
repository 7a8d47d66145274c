package org.programmeledger.ledger.programme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.AdoptProgrammeValue;
import org.programmeledger.ledger.api.Aggregation;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.BatchLine;
import org.programmeledger.ledger.api.BatchOutcome;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.ProgrammeEstablished;
import org.programmeledger.ledger.api.ProgrammeFigureRecorded;
import org.programmeledger.ledger.api.ProgrammeRecording;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordProgrammeBatch;
import org.programmeledger.ledger.api.RecordProgrammeFigure;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.period.RegistryOf;
import org.programmeledger.ledger.registry.CatalogueEntry;

/** A batch of a programme's facts decides each as that command alone would, in order, line by line. */
class ProgrammeBatchTest {

    private static final ProgrammeEstablished ESTABLISHED = new ProgrammeEstablished("gdhk-ipr", "Expert Group");
    private static final CatalogueEntry MEETINGS = new CatalogueEntry("meetings-held", List.of("meetings"),
            Aggregation.SUM);

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(new RegistryOf(Set.of("gdhk-ipr"), Set.of()).withMetrics(MEETINGS));
    }

    private static RecordProgrammeFigure meeting(String id, int year) {
        return new RecordProgrammeFigure("gdhk-ipr", id, "meetings-held", BigDecimal.ONE, null, "meetings",
                Qualifier.EXACTLY, Side.JOINT, Extent.year(year), null, Basis.FLOW, null, "a meeting", null);
    }

    private static ProgrammeFigureRecorded met(String id, int year) {
        return new ProgrammeFigureRecorded("gdhk-ipr", id, "meetings-held", BigDecimal.ONE, null, "meetings",
                Qualifier.EXACTLY, Side.JOINT, Extent.year(year), null, Basis.FLOW, null, "a meeting", null,
                Aggregation.SUM);
    }

    private static RecordProgrammeBatch batch(ProgrammeRecording... commands) {
        return new RecordProgrammeBatch("gdhk-ipr", IntStream.range(0, commands.length)
                .mapToObj(n -> new BatchLine<>(n + 2, commands[n])).toList());
    }

    @Test
    void recordsTheFactsInOrderAndNamesEachRefusedLine() {
        fixture.given(ESTABLISHED)
                .when(batch(meeting("m1", 2004), new AdoptProgrammeValue("gdhk-ipr", "m1", 1, "why"),
                        meeting("m2", 2005), meeting("m1", 2004)))
                .expectEvents(met("m1", 2004), met("m2", 2005))
                .expectResultMessagePayload(new BatchOutcome(List.of(new BatchOutcome.Refusal(3,
                        "figure m1 has one value only; there is nothing to adopt")), List.of(5L)));
    }

    @Test
    void refusesABatchThatHoldsAFactOfAnotherProgramme() {
        fixture.given(ESTABLISHED)
                .when(new RecordProgrammeBatch("gdhk-ipr", List.of(new BatchLine<>(2,
                        new AdoptProgrammeValue("other", "m1", 0, "why")))))
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage("line 2 names programme other, not gdhk-ipr; a batch holds the commands of "
                        + "one programme");
    }
}
