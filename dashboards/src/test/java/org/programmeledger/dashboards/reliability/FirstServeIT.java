package org.programmeledger.dashboards.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run of serve, as a new user meets it: no user can sign in yet, and it says how to add one. */
class FirstServeIT {

    @TempDir
    Path home;

    @Test
    void serveWithNoUsersSaysHowToAddOne() throws Exception {
        try (LedgerProcess server = LedgerProcess.start(home, "serve.log", List.of(), "serve", "--port=0",
                "--store=" + home.resolve("store"))) {
            server.awaitServing();
            String output = server.awaitOutput("the advice on users", text -> text.contains("No user can sign in"),
                    Duration.ofMinutes(1));
            server.stop();

            assertThat(output).contains("No user can sign in yet: add one with 'bin/ledger users add NAME --role "
                    + "SECRETARIAT' (or AUDITOR, APPROVER, VIEWER) and start serve again.");
        }
    }
}
