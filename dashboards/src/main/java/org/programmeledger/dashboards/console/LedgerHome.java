package org.programmeledger.dashboards.console;

import java.nio.file.Path;

/** The project folder that default paths (data/, out/, var/) are resolved against; bin/ledger sets it. */
public final class LedgerHome {

    private LedgerHome() {
    }

    public static Path path() {
        return Path.of(System.getProperty("ledger.home", "")).toAbsolutePath().normalize();
    }

    /** The users who may sign in, which {@code ledger users} writes and every command and the server read. */
    public static Path usersFile() {
        return path().resolve("config").resolve("users.yml");
    }
}
