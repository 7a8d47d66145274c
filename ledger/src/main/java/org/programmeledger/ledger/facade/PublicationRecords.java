package org.programmeledger.ledger.facade;

import java.util.List;
import java.util.Optional;
import org.programmeledger.ledger.publication.PublicationDiff;
import org.programmeledger.ledger.publication.Publications;
import org.programmeledger.ledger.service.Publication;
import org.programmeledger.ledger.service.PublicationChanges;
import org.springframework.stereotype.Component;

/** The publications of plan periods as the ledger records them, and what changed since each. */
@Component
public class PublicationRecords {

    private final Publications publications;
    private final PublicationDiff diff;

    PublicationRecords(Publications publications, PublicationDiff diff) {
        this.publications = publications;
        this.diff = diff;
    }

    public List<Publication> of(String periodId) {
        return publications.of(periodId);
    }

    public Optional<Publication> find(String periodId, int number) {
        return publications.find(periodId, number);
    }

    /** Publication {@code number} of the period named, or of the one period of {@code periods} that has one. */
    public Publication find(String periodId, int number, List<String> periods) {
        return publications.find(periodId, number, periods);
    }

    /** Every item, activity and figure that reads differently now than at the publication, with its causes. */
    public PublicationChanges changesSince(Publication publication) {
        return diff.since(publication);
    }
}
