package org.programmeledger.ledger.period;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.programmeledger.ledger.api.PlanPeriodRecording;

/**
 * Finds the plan period a command targets. A recording names it through {@link PlanPeriodRecording#periodId()};
 * Axon's resolver found the same by scanning the command's methods and fields for the annotation on every
 * command, 5% of a single command's thread (BENCHMARKS.md round 9). The period's other commands go to Axon's.
 * No plan period command carries an expected version for Axon to check: the ledger's own is in the metadata.
 */
final class PlanPeriodTargets implements CommandTargetResolver {

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof PlanPeriodRecording recording && recording.periodId() != null) {
            return new VersionedAggregateIdentifier(recording.periodId(), null);
        }
        return annotated.resolveTarget(command);
    }
}
