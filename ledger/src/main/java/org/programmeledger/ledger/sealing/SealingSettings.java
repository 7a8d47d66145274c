package org.programmeledger.ledger.sealing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sealing ({@code ledger.sealing.*}); docs/sealing.md says what each protects.
 *
 * @param keyFile          the Ed25519 signing key (created on first use, owner-only); empty means
 *                         {@code <store's parent>/keys/<store name>.ed25519}, outside the store and its backups
 * @param witnessDirectory where signed checkpoints are appended as JSON lines; empty means
 *                         {@code <store's parent>/witness/<store name>}
 * @param intervalMillis   how often the sequencer looks for committed events (it also runs after each commit)
 * @param checkpointSpacingMillis the least time between two passes that commits start (the interval when that is
 *                         shorter): under a stream of commits, one signed checkpoint per this many milliseconds
 * @param batchSize        events integrated per checkpoint at most
 * @param gapTimeoutMillis how long a missing position is waited for before the sequencer stops waiting for it
 *                         (a transaction that took it rolled back, or is slower than this)
 * @param origin           the name checkpoints carry, so that one store's checkpoints are not taken for another's
 * @param positionBlockSize on PostgreSQL, the most positions a node draws ahead at once, so that an event and its
 *                         authenticator go in one statement; 0 lets the insert draw each position (one more
 *                         statement per append)
 * @param positionBlockMillis how long a block of positions drawn ahead is used at most (below the gap timeout)
 * @param carryOverReleaseChain whether a store of release 1.4 (a hash chain, no tree) has its chain checked and its
 *                         events sealed as leaves: set once by the key's holder, for that store; never under a key
 *                         that sealed a tree before
 */
@ConfigurationProperties("ledger.sealing")
public record SealingSettings(@DefaultValue("") String keyFile,
                              @DefaultValue("") String witnessDirectory,
                              @DefaultValue("200") long intervalMillis,
                              @DefaultValue("100") long checkpointSpacingMillis,
                              @DefaultValue("5000") int batchSize,
                              @DefaultValue("10000") long gapTimeoutMillis,
                              @DefaultValue("programme-ledger") String origin,
                              @DefaultValue("64") int positionBlockSize,
                              @DefaultValue("1000") long positionBlockMillis,
                              @DefaultValue("false") boolean carryOverReleaseChain) {

    public SealingSettings {
        if (intervalMillis < 1 || batchSize < 1 || gapTimeoutMillis < 1 || checkpointSpacingMillis < 1) {
            throw new IllegalArgumentException("ledger.sealing.* intervals and sizes must be positive");
        }
        if (positionBlockSize < 0 || positionBlockMillis < 1 || positionBlockMillis >= gapTimeoutMillis) {
            throw new IllegalArgumentException("ledger.sealing.position-block-size must be 0 or more, and "
                    + "position-block-millis positive and below gap-timeout-millis");
        }
    }

    /** How long after the previous pass a commit's pass may start: never later than the next periodic one. */
    long commitPassSpacingMillis() {
        return Math.min(checkpointSpacingMillis, intervalMillis);
    }

    Path keyFile(Path storeDirectory) {
        return keyFile.isBlank() ? besideStore(storeDirectory, "keys").resolve(storeName(storeDirectory) + ".ed25519")
                : Path.of(keyFile);
    }

    Path witnessDirectory(Path storeDirectory) {
        return witnessDirectory.isBlank() ? defaultWitnessDirectory(storeDirectory) : Path.of(witnessDirectory);
    }

    /** The witness folder of a store when none is configured: {@code <store's parent>/witness/<store name>}. */
    public static Path defaultWitnessDirectory(Path storeDirectory) {
        return besideStore(storeDirectory, "witness").resolve(storeName(storeDirectory));
    }

    private static Path besideStore(Path storeDirectory, String folder) {
        Path absolute = storeDirectory.toAbsolutePath().normalize();
        return (absolute.getParent() == null ? absolute : absolute.getParent()).resolve(folder);
    }

    private static String storeName(Path storeDirectory) {
        Path name = storeDirectory.toAbsolutePath().normalize().getFileName();
        return name == null ? "ledger" : name.toString();
    }
}
