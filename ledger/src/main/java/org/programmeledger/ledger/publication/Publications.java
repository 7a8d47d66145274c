package org.programmeledger.ledger.publication;

import java.util.List;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.programmeledger.ledger.api.PeriodPublished;
import org.programmeledger.ledger.service.NoSuchPublication;
import org.programmeledger.ledger.service.Publication;
import org.programmeledger.ledger.store.LedgerEvents;
import org.springframework.stereotype.Component;

/** The publications of plan periods, read from their events: the ledger is the register of what was published. */
@Component
public class Publications {

    private final LedgerEvents events;

    Publications(LedgerEvents events) {
        this.events = events;
    }

    public List<Publication> of(String periodId) {
        return events.ofAggregate(periodId).stream()
                .filter(event -> event.payload() instanceof PeriodPublished)
                .map(event -> new Publication((PeriodPublished) event.payload(),
                        DateTimeUtils.formatInstant(event.recordedAt())))
                .toList();
    }

    public Optional<Publication> find(String periodId, int number) {
        return of(periodId).stream().filter(publication -> publication.number() == number).findFirst();
    }

    /** Publication {@code number} of the period named, or of the one period that has such a publication. */
    public Publication find(String periodId, int number, List<String> periods) {
        if (periodId != null) {
            return find(periodId, number).orElseThrow(() -> new NoSuchPublication("plan period " + periodId
                    + " has no publication " + number + (of(periodId).isEmpty() ? "; it was never published"
                    : "; its publications: " + numbers(of(periodId)))));
        }
        List<Publication> candidates = periods.stream().flatMap(period -> find(period, number).stream()).toList();
        if (candidates.size() != 1) {
            throw new NoSuchPublication(candidates.isEmpty() ? "no plan period has a publication " + number
                    : "several plan periods have a publication " + number + " ("
                    + String.join(", ", candidates.stream().map(Publication::periodId).toList()) + "); name one");
        }
        return candidates.get(0);
    }

    private static String numbers(List<Publication> publications) {
        return String.join(", ", publications.stream().map(p -> String.valueOf(p.number())).toList());
    }
}
