package org.programmeledger.ledger.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.programmeledger.ledger.audit.AsOf;
import org.programmeledger.ledger.service.AsOfState;
import org.programmeledger.ledger.service.EventSubjects;
import org.programmeledger.ledger.service.PublicationChanges;
import org.programmeledger.ledger.service.PublicationChanges.Cause;
import org.programmeledger.ledger.service.PublicationChanges.Change;
import org.programmeledger.ledger.service.Publication;
import org.programmeledger.ledger.service.RecordedEvent;
import org.programmeledger.ledger.store.LedgerEvents;
import org.axonframework.common.DateTimeUtils;
import org.springframework.stereotype.Component;

/**
 * What changed in a plan period since one of its publications: every item, activity and figure that reads
 * differently now than at the publication's ledger position, with the events that changed it, who
 * recorded them, when and why.
 */
@Component
public class PublicationDiff {

    private final AsOf asOf;
    private final LedgerEvents events;

    PublicationDiff(AsOf asOf, LedgerEvents events) {
        this.asOf = asOf;
        this.events = events;
    }

    public PublicationChanges since(Publication publication) {
        String periodId = publication.periodId();
        AsOfState then = asOf.atPosition(publication.position(), periodId);
        AsOfState current = asOf.atPosition(Long.MAX_VALUE, periodId);
        Map<String, String> before = described(then);
        Map<String, String> after = described(current);
        Set<String> subjects = new LinkedHashSet<>(after.keySet());
        subjects.addAll(before.keySet());
        List<RecordedEvent> later = EventSubjects.anchored(events.ofAggregate(periodId)).stream()
                .filter(event -> event.position() > publication.position()).toList();
        List<Change> changes = new ArrayList<>();
        for (String subject : subjects) {
            if (!Objects.equals(before.get(subject), after.get(subject))) {
                changes.add(new Change(subject, before.get(subject), after.get(subject), later.stream()
                        .filter(event -> subject.equals(EventSubjects.of(event.payload()))).map(PublicationDiff::cause)
                        .toList()));
            }
        }
        return new PublicationChanges(periodId, publication.number(), publication.position(), current.position(), changes);
    }

    /** Each subject of the period, as one line a reader compares. */
    private static Map<String, String> described(AsOfState state) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (AsOfState.Period period : state.periods()) {
            period.items().forEach(item -> lines.put("item " + item.number(), "\"" + item.title() + "\""
                    + (item.area() == null ? "" : ", area " + item.area()) + ", " + item.status().toLowerCase()));
            period.activities().forEach(activity -> lines.put("activity " + activity.activityId(), activity.kind()
                    + " \"" + activity.title() + "\", item " + activity.item()
                    + (activity.date() == null ? "" : ", " + activity.date())
                    + (activity.retracted() ? ", retracted" : "")));
            period.figures().forEach(figure -> lines.put("figure " + figure.figureId(), figure.statedAs() + " "
                    + figure.unit() + " (" + figure.qualifier() + ") " + figure.metric()));
        }
        return lines;
    }

    private static Cause cause(RecordedEvent event) {
        Function<String, String> meta = key -> event.metaData().get(key) == null ? null
                : event.metaData().get(key).toString();
        return new Cause(event.position(), event.payload().getClass().getSimpleName(), meta.apply("user"),
                meta.apply("role"), meta.apply("recordedAt") != null ? meta.apply("recordedAt")
                : DateTimeUtils.formatInstant(event.recordedAt()), EventSubjects.reason(event.payload()));
    }
}
