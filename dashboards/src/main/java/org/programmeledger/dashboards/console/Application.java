package org.programmeledger.dashboards.console;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.programmeledger.dashboards.LedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application for one command, on a given store and output folder. */
public final class Application {

    private Application() {
    }

    /**
     * The paths are passed as command-line properties, which outrank application.yml and the environment;
     * {@code config/application.yml} in the project folder, if present, adds settings, and {@code config/users.yml}
     * (written by {@code ledger users}) the users.
     */
    public static ConfigurableApplicationContext start(Path store, Path output, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.config.additional-location=optional:file:" + LedgerHome.path().resolve("config") + "/",
                "--spring.config.import=optional:file:" + LedgerHome.usersFile(),
                "--ledger.home=" + LedgerHome.path(),
                "--ledger.store.directory=" + store.toAbsolutePath(),
                "--ledger.output.directory=" + output.toAbsolutePath()));
        arguments.addAll(List.of(more));
        StoreFailure.opening(store);
        try {
            return new SpringApplicationBuilder(LedgerApplication.class)
                    .logStartupInfo(false)
                    .run(arguments.toArray(String[]::new));
        } catch (RuntimeException failed) {
            throw StoreFailure.atStart(store, failed);
        }
    }
}
