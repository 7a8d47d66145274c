package org.programmeledger.dashboards.cli;

import java.nio.file.Path;
import org.programmeledger.dashboards.LedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application for one command, on a given store and output folder. */
final class Application {

    private Application() {
    }

    /** The paths are passed as command-line properties, which outrank application.yml and the environment. */
    static ConfigurableApplicationContext start(Path store, Path output) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .logStartupInfo(false)
                .run("--ledger.home=" + LedgerHome.path(),
                        "--ledger.store.directory=" + store.toAbsolutePath(),
                        "--ledger.output.directory=" + output.toAbsolutePath());
    }
}
