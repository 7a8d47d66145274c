package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publishes the approved figures of a plan period as publication {@code number}: the files were rendered
 * from the ledger at {@code position}, where the hash chain's digest was {@code digest}.
 */
public record PublishPeriod(@TargetAggregateIdentifier String periodId, int number, long position, String digest,
                            List<PublishedFile> files, String comment) {
}
