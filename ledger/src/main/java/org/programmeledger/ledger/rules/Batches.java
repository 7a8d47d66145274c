package org.programmeledger.ledger.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.programmeledger.ledger.api.BatchLine;
import org.programmeledger.ledger.api.BatchOutcome;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.store.RecordingMetaData;

/** How an aggregate decides a batch of commands: each in order, as that command alone would be decided. */
public final class Batches {

    private Batches() {
    }

    /** Applies an event; in a batch (a line given) it carries its command's line, as had the command come alone. */
    public static void apply(Object event, Long line) {
        if (line == null) {
            AggregateLifecycle.apply(event);
        } else {
            AggregateLifecycle.apply(event, MetaData.with(RecordingMetaData.LINE, line));
        }
    }

    /**
     * Decides each line inside the aggregate's command handler; a refused command records nothing and the next is
     * decided, so the outcome lists every refusal with its line, and the lines that recorded nothing new.
     *
     * @param decide decides one command, given its line (which the aggregate puts on the events it applies)
     */
    public static <C> BatchOutcome decideEach(List<BatchLine<C>> lines, BiConsumer<Long, C> decide) {
        List<BatchOutcome.Refusal> refused = new ArrayList<>();
        List<Long> alreadyRecorded = new ArrayList<>();
        for (BatchLine<C> line : lines) {
            Long before = AggregateLifecycle.getVersion();
            try {
                decide.accept(line.line(), line.command());
                if (Objects.equals(before, AggregateLifecycle.getVersion())) {
                    alreadyRecorded.add(line.line());
                }
            } catch (LedgerRuleViolation e) {
                refused.add(new BatchOutcome.Refusal(line.line(), e.getMessage()));
            }
        }
        return new BatchOutcome(refused, alreadyRecorded);
    }

    /** A batch holds the commands of its own aggregate only. */
    public static <C> void requireOneTarget(String target, List<BatchLine<C>> lines, Function<C, String> targetOf,
                                            String what) {
        for (BatchLine<C> line : lines) {
            String named = targetOf.apply(line.command());
            Rules.require(target.equals(named), "line " + line.line() + " names " + what + " " + named + ", not "
                    + target + "; a batch holds the commands of one " + what);
        }
    }
}
