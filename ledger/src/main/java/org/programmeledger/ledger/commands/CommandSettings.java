package org.programmeledger.ledger.commands;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How single commands are committed ({@code ledger.commands.*}, docs/operations.md).
 *
 * @param groupCommit  whether commands sent outside a transaction go to a writer, which commits what is waiting in one
 *                     transaction ({@link GroupCommit}): on by default, since without a savepoint per command it costs
 *                     the machine 35-45% less per command on PostgreSQL (BENCHMARKS.md round 15)
 * @param groupSize    at most this many commands in one transaction
 * @param groupWriters how many writers commit groups at once, each taking the commands of its share of the aggregates:
 *                     one by default, since two made smaller groups and cost the machine more per command on two cores
 *                     (round 15)
 * @param groupGatherMicros how long after answering a group a writer waits for as many commands as it answered
 *                     (GroupCommit#gather); 0 takes only what is waiting
 */
@ConfigurationProperties("ledger.commands")
public record CommandSettings(@DefaultValue("true") boolean groupCommit, @DefaultValue("32") int groupSize,
                              @DefaultValue("1") int groupWriters, @DefaultValue("300") int groupGatherMicros) {

    public CommandSettings {
        if (groupSize < 1) {
            throw new IllegalArgumentException("ledger.commands.group-size must be at least 1, not " + groupSize);
        }
        if (groupWriters < 1) {
            throw new IllegalArgumentException("ledger.commands.group-writers must be at least 1, not " + groupWriters);
        }
        if (groupGatherMicros < 0) {
            throw new IllegalArgumentException("ledger.commands.group-gather-micros must be 0 or more, not "
                    + groupGatherMicros);
        }
    }
}
