package org.programmeledger.ledger.service;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What changed in a plan period since one of its publications (the ledger's answer to "changes since"). */
public record PublicationChanges(String periodId, int publication, long publishedAt, long now, List<Change> changes) {

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

    /** The changes as lines for a terminal or a log. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Plan period " + periodId() + ", publication " + publication() + " (ledger position "
                + publishedAt() + ") against the ledger now (position " + now() + "): "
                + (changes().isEmpty() ? "no changes." : changes().size() + " changed."));
        for (Change change : changes()) {
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
