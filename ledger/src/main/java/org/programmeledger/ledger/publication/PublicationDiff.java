package org.programmeledger.ledger.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.programmeledger.ledger.audit.AsOf;
import org.programmeledger.ledger.audit.AuditEntry;
import org.programmeledger.ledger.audit.AuditTrail;
import org.programmeledger.ledger.publication.Publications.Publication;
import org.springframework.stereotype.Component;

/**
 * What changed in a plan period since one of its publications: every item, activity and figure that reads
 * differently now than at the publication's ledger position, with the events that changed it, who
 * recorded them, when and why.
 */
@Component
public class PublicationDiff {

    private final AsOf asOf;
    private final AuditTrail trail;

    PublicationDiff(AsOf asOf, AuditTrail trail) {
        this.asOf = asOf;
        this.trail = trail;
    }

    /** An event that changed a subject after the publication. */
    public record Cause(long position, String event, String user, String role, String recordedAt, String reason) {
    }

    /**
     * @param subject e.g. "figure 2.2.1", "activity 3.1", "item 7"
     * @param was     how the publication showed it, or null when it was not in the publication
     * @param now     how the ledger shows it now
     */
    public record Change(String subject, String was, String now, List<Cause> causes) {
    }

    public record Diff(String periodId, int publication, long publishedAt, long now, List<Change> changes) {
    }

    public Diff since(Publication publication) {
        String periodId = publication.periodId();
        AsOf.State then = asOf.atPosition(publication.position(), periodId);
        AsOf.State current = asOf.atPosition(Long.MAX_VALUE, periodId);
        Map<String, String> before = described(then);
        Map<String, String> after = described(current);
        Set<String> subjects = new LinkedHashSet<>(after.keySet());
        subjects.addAll(before.keySet());
        List<AuditEntry> later = trail.period(periodId).stream()
                .filter(entry -> entry.position() > publication.position()).toList();
        List<Change> changes = new ArrayList<>();
        for (String subject : subjects) {
            if (!Objects.equals(before.get(subject), after.get(subject))) {
                changes.add(new Change(subject, before.get(subject), after.get(subject), later.stream()
                        .filter(entry -> subject.equals(AuditTrail.subject(entry.payload()))).map(PublicationDiff::cause)
                        .toList()));
            }
        }
        return new Diff(periodId, publication.number(), publication.position(), current.position(), changes);
    }

    /** Each subject of the period, as one line a reader compares. */
    private static Map<String, String> described(AsOf.State state) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (AsOf.Period period : state.periods()) {
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

    private static Cause cause(AuditEntry entry) {
        Function<String, String> meta = key -> entry.metaData().get(key) == null ? null
                : entry.metaData().get(key).toString();
        Object reason = entry.payload().get("reason");
        return new Cause(entry.position(), entry.event(), meta.apply("user"), meta.apply("role"),
                meta.apply("recordedAt") != null ? meta.apply("recordedAt") : entry.recordedAt(),
                reason == null ? null : reason.toString());
    }

    /** The diff as lines for a terminal or a log. */
    public static List<String> lines(Diff diff) {
        List<String> lines = new ArrayList<>();
        lines.add("Plan period " + diff.periodId() + ", publication " + diff.publication() + " (ledger position "
                + diff.publishedAt() + ") against the ledger now (position " + diff.now() + "): "
                + (diff.changes().isEmpty() ? "no changes." : diff.changes().size() + " changed."));
        for (Change change : diff.changes()) {
            lines.add("  " + change.subject());
            lines.add("    was: " + (change.was() == null ? "(not in the publication)" : change.was()));
            lines.add("    now: " + (change.now() == null ? "(gone)" : change.now()));
            lines.addAll(change.causes().stream().map(cause -> "    " + cause.event() + " at position "
                    + cause.position() + " by " + cause.user() + (cause.role() == null ? "" : " (" + cause.role() + ")")
                    + " on " + cause.recordedAt() + (cause.reason() == null ? "" : ": " + cause.reason()))
                    .collect(Collectors.toList()));
        }
        return lines;
    }
}
