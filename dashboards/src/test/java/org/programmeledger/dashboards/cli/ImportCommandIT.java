package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.console.LedgerServer;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.ServerFile;
import org.programmeledger.dashboards.console.SignIn;
import org.programmeledger.ledger.service.ImportUpdate;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.LedgerHead;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** bin/ledger import, into the local store and to a running server, through the real command line. */
class ImportCommandIT {

    private static final String SAM_AT_COST_4 = "$2a$04$q6XhBsIzlBKiVnMRooE05u8KO9fhq2aagCRzHSymDKeek8SlBMxCe";

    @TempDir
    Path temp;

    private List<String> withStore(Path store, String... arguments) {
        List<String> all = new ArrayList<>(List.of("import", "--store", store.toString()));
        all.addAll(List.of(arguments));
        return all;
    }

    @Test
    void recordsTheDataFolderInTheLocalStoreAndNothingNewTheSecondTime() {
        Path store = temp.resolve("store");
        Cli first = Cli.run(withStore(store, SeedData.folder().toString()).toArray(String[]::new));
        Cli again = Cli.run(withStore(store, SeedData.folder().toString()).toArray(String[]::new));

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("05-activities.csv          activities          31 rows    31 events",
                "Recorded 136 new events from 8 files.");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("Recorded 0 new events from 8 files.");
    }

    @Test
    void aDryRunSaysWhatTheImportWouldRecordAndRecordsNothing() {
        Path store = temp.resolve("store");
        Cli dryRun = Cli.run(withStore(store, "--dry-run", SeedData.folder().toString()).toArray(String[]::new));
        Cli first = Cli.run(withStore(store, SeedData.folder().toString()).toArray(String[]::new));
        Cli again = Cli.run(withStore(store, "--dry-run", SeedData.folder().toString()).toArray(String[]::new));

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("nothing will be recorded",
                "06-figures.csv             figures             22 rows: would record 22 events",
                "    item 2: FigureRecorded x 3", "Importing would record 136 new events from 8 files.");
        assertThat(first.output()).contains("Recorded 136 new events from 8 files.");
        assertThat(again.output()).contains("    already recorded, nothing new: 22 rows (lines 2, 3, 4,",
                "Importing would record 0 new events from 8 files.");
    }

    @Test
    void namesTheBadLinesOfARefusedFileAndExitsWithOne() throws IOException {
        Path store = temp.resolve("store");
        Path bad = temp.resolve("programmes.csv");
        Files.writeString(bad, "programme_id,name,source\r\ngdhk,,no name\r\n,Nameless id,s\r\n");

        Cli run = Cli.run(withStore(store, bad.toString()).toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("programmes.csv             refused, nothing recorded:",
                "line 2: name: is empty", "line 3: programme_id: is empty", "Stopped: a file was refused.");
    }

    @Test
    void theServerStreamsTheRowsDoneOfAFileAsItGoesAndOfADryRunToo() throws IOException {
        Path store = temp.resolve("served");
        Files.createDirectories(store);
        try (ConfigurableApplicationContext server = Application.start(store, temp.resolve("out"),
                "--spring.main.web-application-type=servlet", "--server.port=0",
                "--ledger.security.users[0].name=sam", "--ledger.security.users[0].password-hash=" + SAM_AT_COST_4,
                "--ledger.security.users[0].role=SECRETARIAT")) {
            SignIn sam = new SignIn();
            sam.user = "sam";
            sam.password = "secretariat-test".toCharArray();
            LedgerServer ledger = new LedgerServer(URI.create("http://localhost:"
                    + ((WebServerApplicationContext) server).getWebServer().getPort()), sam);
            List<ImportUpdate.RowsDone> imported = new ArrayList<>();
            List<ImportUpdate.RowsDone> tried = new ArrayList<>();

            ImportUpdate programmes = ledger.importFile(SeedData.folder().resolve("01-programmes.csv"), false,
                    imported::add);
            ImportUpdate again = ledger.importFile(SeedData.folder().resolve("01-programmes.csv"), true, tried::add);

            assertThat(programmes.imported().accepted()).isTrue();
            assertThat(programmes.imported().eventsRecorded()).isEqualTo(1);
            assertThat(imported).containsExactly(new ImportUpdate.RowsDone("01-programmes.csv", 1, 1));
            assertThat(again.dryRun().alreadyRecorded()).containsExactly(2L);
            assertThat(tried).containsExactly(new ImportUpdate.RowsDone("01-programmes.csv", 1, 1));
        }
    }

    @Test
    void noServerAnsweringIsOneLineWithExitCodeTwo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Cli run = Cli.run("import", "--server", "http://localhost:" + closedPort, "--user", "sam", "--password", "x",
                SeedData.folder().resolve("01-programmes.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).endsWith("ledger import: no server answers at http://localhost:" + closedPort
                + "; is it running ('bin/ledger serve')?" + System.lineSeparator());
    }

    @Test
    void sendsTheFilesToTheServerRunningOnTheStore() throws IOException {
        Path store = temp.resolve("served");
        Files.createDirectories(store);
        try (ConfigurableApplicationContext server = Application.start(store, temp.resolve("out"),
                "--spring.main.web-application-type=servlet", "--server.port=0",
                "--ledger.security.users[0].name=sam", "--ledger.security.users[0].password-hash=" + SAM_AT_COST_4,
                "--ledger.security.users[0].role=SECRETARIAT")) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            ServerFile.write(store, URI.create("http://localhost:" + port));

            Cli run = Cli.run(withStore(store, "--user", "sam", "--password", "secretariat-test",
                    SeedData.folder().toString()).toArray(String[]::new));
            Cli wrongPassword = Cli.run(withStore(store, "--user", "sam", "--password", "nope",
                    SeedData.folder().resolve("01-programmes.csv").toString()).toArray(String[]::new));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("Sending 8 files to http://localhost:" + port + " as sam",
                    "Recorded 136 new events from 8 files.");
            assertThat(server.getBean(LedgerHead.class).eventCount()).isEqualTo(136);
            Cli dryRun = Cli.run(withStore(store, "--user", "sam", "--password", "secretariat-test", "--dry-run",
                    SeedData.folder().resolve("06-figures.csv").toString()).toArray(String[]::new));
            assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
            assertThat(dryRun.output()).contains("06-figures.csv             figures             22 rows: would record "
                    + "0 events", "already recorded, nothing new: 22 rows", "Importing would record 0 new events");
            assertThat(server.getBean(LedgerHead.class).eventCount()).isEqualTo(136);
            String storeFolder = store.toString();
            Cli job = Cli.run("jobs", "run", "period-summary", "--period", "gdhk-ipr-2020-mid-2022", "--store",
                    storeFolder, "--user", "sam", "--password", "secretariat-test");
            Cli metrics = Cli.run("metrics", "--store", storeFolder, "--user", "sam", "--password", "secretariat-test");
            Cli jobs = Cli.run("jobs", "list", "--store", storeFolder, "--user", "sam", "--password", "secretariat-test");
            Cli report = Cli.run("report", "--period", "gdhk-ipr-2020-mid-2022", "--store", storeFolder);
            Cli history = Cli.run("history", "--period", "gdhk-ipr-2020-mid-2022", "--item", "2", "--store", storeFolder);
            assertThat(metrics.exitCode()).as(metrics.output()).isZero();
            assertThat(metrics.output()).contains("recruitment-requests-presented", "chartable");
            assertThat(job.exitCode()).as(job.output()).isZero();
            assertThat(job.output()).contains("period-summary {period=gdhk-ipr-2020-mid-2022} COMPLETED");
            assertThat(jobs.output()).contains("period-summary     COMPLETED");
            assertThat(report.exitCode()).isEqualTo(1);
            assertThat(report.output().strip()).isEqualTo("ledger report: a server runs on " + Paths.display(store)
                    + "; it holds the store: stop it (Ctrl-C where it runs), then run this command again");
            assertThat(history.output().strip()).isEqualTo("ledger history: a server runs on " + Paths.display(store)
                    + "; ask it instead: curl -u NAME 'http://localhost:" + port + "/api/audit/history?period="
                    + "gdhk-ipr-2020-mid-2022&item=2' (role AUDITOR), or stop it first");
            assertThat(wrongPassword.exitCode()).isEqualTo(2);
            assertThat(wrongPassword.output().strip()).as("one line, not the problem document")
                    .endsWith("the server at http://localhost:" + port + " did not accept user 'sam' with that "
                            + "password; name the user with --user or $LEDGER_USER, and give the password with "
                            + "$LEDGER_PASSWORD or --password")
                    .doesNotContain("{");
        } finally {
            ServerFile.remove(store);
        }
    }
}
