package org.programmeledger.ledger.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A publication was frozen: its files, rendered from the ledger at {@code position} (hash-chain digest
 * {@code digest}), are kept under {@code out/publications/<period>/<number>/} with these sums.
 */
@Revision("1")
public record PeriodPublished(String periodId, int number, long position, String digest, List<PublishedFile> files,
                              String publishedBy, String comment) {
}
