package org.programmeledger.dashboards.cli;

import java.nio.file.Path;

/** The project folder that default paths (data/, out/, var/) are resolved against; bin/ledger sets it. */
final class LedgerHome {

    private LedgerHome() {
    }

    static Path path() {
        return Path.of(System.getProperty("ledger.home", "")).toAbsolutePath().normalize();
    }
}
