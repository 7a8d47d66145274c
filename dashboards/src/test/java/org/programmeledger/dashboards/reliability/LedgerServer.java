package org.programmeledger.dashboards.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.programmeledger.dashboards.LedgerApplication;
import org.programmeledger.ledger.web.Http;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application serving HTTP in the test's JVM, with the test users of {@link Http}. */
final class LedgerServer {

    /** sam (SECRETARIAT), ada (AUDITOR) and vic (VIEWER), with the passwords of {@link Http}; bcrypt cost 4. */
    static final List<String> USERS = List.of(
            "--ledger.security.users[0].name=sam",
            "--ledger.security.users[0].password-hash=$2a$04$q6XhBsIzlBKiVnMRooE05u8KO9fhq2aagCRzHSymDKeek8SlBMxCe",
            "--ledger.security.users[0].role=SECRETARIAT",
            "--ledger.security.users[1].name=ada",
            "--ledger.security.users[1].password-hash=$2a$04$ag3Dvt5JyolHu3qPi9r02.QBsfAz3/XR31SCd0cxrOh0/W/VgmadC",
            "--ledger.security.users[1].role=AUDITOR",
            "--ledger.security.users[2].name=vic",
            "--ledger.security.users[2].password-hash=$2a$04$M3Tl/asREe9Ync4/3I8L.euvwUe873vnue46do7fMyTounASiQKPq",
            "--ledger.security.users[2].role=VIEWER");

    private LedgerServer() {
    }

    /** Starts on a random port with the store and output folders under {@code home}. */
    static ConfigurableApplicationContext start(Path home, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--ledger.home=" + home,
                "--ledger.store.directory=" + home.resolve("store"),
                "--ledger.output.directory=" + home.resolve("out"),
                "--spring.main.web-application-type=servlet",
                "--server.port=0"));
        arguments.addAll(USERS);
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(LedgerApplication.class).logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
    }

    static Http http(ConfigurableApplicationContext server) {
        return Http.on(((WebServerApplicationContext) server).getWebServer().getPort());
    }
}
