package org.programmeledger.dashboards.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.console.DefaultStore;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.ProjectConfig;
import org.programmeledger.dashboards.console.ServerFile;
import org.programmeledger.dashboards.console.UsageRefusal;
import org.programmeledger.dashboards.demo.DemoUsers;
import org.programmeledger.dashboards.users.UsersCommand;
import org.programmeledger.ledger.facade.LedgerKeys;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serves the dashboard and the REST API until stopped.",
        description = "Starts the application on the embedded store: the dashboard (/), the REST API (/api), its "
                + "OpenAPI document (/v3/api-docs, /swagger-ui.html) and the outputs. Runs until stopped with "
                + "Ctrl-C. With no users yet it says how to add one.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:stopped",
                "1:the store is in use by another process, or cannot be opened",
                "2:the port is taken, or a bad option",
                "130:stopped by Ctrl-C (143 by SIGTERM), after a clean shutdown"},
        footerHeading = "%nExample:%n", footer = "  bin/ledger serve --port 8080")
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "the HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--store", paramLabel = "DIR", description = "the store (default: var/ledger/)")
    Path store;

    @Option(names = "--out", paramLabel = "DIR", description = "where outputs go (default: the store's "
            + "folder under out/: out/ledger/, out/demo/)")
    Path out;

    @Override
    public Integer call() throws Exception {
        boolean demo = store == null && DefaultStore.usesDemo();
        Path storeFolder = store != null ? store : DefaultStore.forReading();
        Path outFolder = out != null ? out : DefaultStore.outputs(storeFolder);
        requireFreePort(port);
        Files.createDirectories(storeFolder);
        CountDownLatch stopped = new CountDownLatch(1);
        List<String> settings = new ArrayList<>(List.of("--spring.main.web-application-type=servlet",
                "--server.port=" + port, "--spring.profiles.active=serve"));
        List<String> demoUsers = DemoUsers.settings(storeFolder);
        settings.addAll(demoUsers);
        ConfigurableApplicationContext application = Application.start(storeFolder, outFolder,
                settings.toArray(String[]::new));
        application.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        // The server records the signing key (and any rotation) as an event before anyone relies on its checkpoints.
        application.getBean(LedgerKeys.class).register();
        int actualPort = ((WebServerApplicationContext) application).getWebServer().getPort();
        URI url = URI.create("http://localhost:" + actualPort);
        ServerFile.write(storeFolder, url);
        try {
            spec.commandLine().getOut().println("Programme Ledger serves " + url + " on the store in "
                    + Paths.display(storeFolder) + "; the dashboard at " + url + "/, API documentation at " + url
                    + "/swagger-ui.html. "
                    + "Ctrl-C stops it." + (demo ? "\n(" + DefaultStore.demoNote() + ".)" : ""));
            if (!demoUsers.isEmpty()) {
                spec.commandLine().getOut().println("The demo's users sign in too (sam, avery, ada, vic, with the "
                        + "passwords the demo printed).");
            } else if (UsersCommand.read().isEmpty() && !ProjectConfig.usersInApplicationYml()) {
                spec.commandLine().getOut().println("No user can sign in yet: add one with 'bin/ledger users add NAME "
                        + "--role SECRETARIAT' (or AUDITOR, APPROVER, VIEWER) and start serve again.");
            }
            spec.commandLine().getOut().flush();
            stopped.await();
            return 0;
        } finally {
            ServerFile.remove(storeFolder);
        }
    }

    /** Checked before the application starts, which would fail only after seconds, with pages of traces. */
    private static void requireFreePort(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new UsageRefusal("port " + port + " is taken (by another server?); pick another with --port PORT, "
                    + "or --port 0 for any free one");
        }
    }
}
