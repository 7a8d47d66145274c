package org.programmeledger.ledger.backup;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.programmeledger.ledger.store.StoreSettings;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/backups}: the running server backs up its own store (an H2 file admits one process). */
@RestController
class BackupController {

    private final StoreBackup backup;
    private final Path store;
    private final Clock clock;

    BackupController(StoreBackup backup, StoreSettings store, Clock clock) {
        this.backup = backup;
        this.store = store.directory();
        this.clock = clock;
    }

    @Operation(summary = "Back up the embedded store to backups/ledger-<time>.zip beside it, while it runs")
    @PostMapping("/api/backups")
    Map<String, String> backUp() throws IOException {
        Path zip = StoreBackup.defaultFile(store, clock.instant());
        backup.backupTo(zip);
        return Map.of("backup", zip.toAbsolutePath().toString());
    }
}
