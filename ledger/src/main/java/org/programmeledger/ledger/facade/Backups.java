package org.programmeledger.ledger.facade;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.programmeledger.ledger.backup.StoreBackup;
import org.springframework.stereotype.Component;

/** Backups of the embedded store, and their restore into an empty folder (docs/operations.md). */
@Component
public class Backups {

    private final StoreBackup backup;

    Backups(StoreBackup backup) {
        this.backup = backup;
    }

    /** The backup of a store made at a time: {@code backups/ledger-<time>.zip} beside the store's folder. */
    public static Path defaultFile(Path store, Instant at) {
        return StoreBackup.defaultFile(store, at);
    }

    /** Unpacks a backup into a store folder that holds no store yet. */
    public static void restore(Path zip, Path store) throws IOException {
        StoreBackup.restore(zip, store);
    }

    /** Writes a zip holding the store as of now; the file is complete or absent. */
    public void backupTo(Path zip) throws IOException {
        backup.backupTo(zip);
    }
}
