package org.programmeledger.ledger.commands;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How single commands are committed ({@code ledger.commands.*}, docs/operations.md).
 *
 * @param groupCommit whether commands sent outside a transaction go to one writer per node, which commits what is
 *                    waiting in one transaction, each command behind a savepoint ({@link GroupCommit}); off by default:
 *                    on PostgreSQL one writer waits for every round trip alone, and measured slower (BENCHMARKS.md
 *                    round 10)
 * @param groupSize   at most this many commands in one transaction
 */
@ConfigurationProperties("ledger.commands")
public record CommandSettings(@DefaultValue("false") boolean groupCommit, @DefaultValue("32") int groupSize) {

    public CommandSettings {
        if (groupSize < 1) {
            throw new IllegalArgumentException("ledger.commands.group-size must be at least 1, not " + groupSize);
        }
    }
}
