package org.programmeledger.ledger.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.api.SubmitPeriod;

/** The plan period a command targets: what Axon's annotation resolver finds, without its scan per command. */
class PlanPeriodTargetsTest {

    private final PlanPeriodTargets targets = new PlanPeriodTargets();

    @Test
    void aRecordingTargetsThePeriodItNamesAsTheAnnotationSays() {
        RecordFigure figure = figure("2024-25");

        VersionedAggregateIdentifier target = targets.resolveTarget(GenericCommandMessage.asCommandMessage(figure));

        assertThat(target.getIdentifier()).isEqualTo("2024-25");
        assertThat(target.getVersion()).isNull();
        assertThat(target).isEqualTo(AnnotationCommandTargetResolver.builder().build()
                .resolveTarget(GenericCommandMessage.asCommandMessage(figure)));
    }

    @Test
    void aPublicationStepIsResolvedByItsAnnotation() {
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new SubmitPeriod("2023-24", "done")))
                .getIdentifier()).isEqualTo("2023-24");
    }

    @Test
    void aRecordingThatNamesNoPeriodIsRefusedAsAxonRefusesIt() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(figure(null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not identify the target aggregate");
    }

    private static RecordFigure figure(String periodId) {
        return new RecordFigure(periodId, "5.1", 5, null, "participants", BigDecimal.TEN, "persons",
                Qualifier.EXACTLY, Side.JOINT, Extent.month(YearMonth.of(2024, 5)), Basis.FLOW, "minutes");
    }
}
