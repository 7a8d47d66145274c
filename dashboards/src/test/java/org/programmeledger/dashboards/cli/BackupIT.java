package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.dashboards.console.Application;
import org.programmeledger.dashboards.console.ServerFile;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.programmeledger.ledgertest.PostgresTestServer;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Backups that restore into a store that verifies, with the digest of the store they were taken from. */
class BackupIT {

    private static final String SAM_AT_COST_4 = "$2a$04$q6XhBsIzlBKiVnMRooE05u8KO9fhq2aagCRzHSymDKeek8SlBMxCe";

    @TempDir
    Path temp;

    @Test
    void backsUpTheEmbeddedStoreLocallyAndThroughTheRunningServerAndRestoresBoth() throws Exception {
        Path store = temp.resolve("store");
        assertThat(Cli.run("import", "--store", store.toString(), SeedData.folder().toString()).exitCode()).isZero();
        String digest = Cli.run("digest", "--store", store.toString()).output();
        Path local = temp.resolve("local.zip");

        assertThat(Cli.run("backup", "--store", store.toString(), "--to", local.toString()).exitCode()).isZero();
        Path served;
        try (ConfigurableApplicationContext server = Application.start(store, temp.resolve("out"),
                "--spring.main.web-application-type=servlet", "--server.port=0",
                "--ledger.security.users[0].name=sam", "--ledger.security.users[0].password-hash=" + SAM_AT_COST_4,
                "--ledger.security.users[0].role=SECRETARIAT")) {
            ServerFile.write(store, URI.create("http://localhost:"
                    + ((WebServerApplicationContext) server).getWebServer().getPort()));
            Cli backup = Cli.run("backup", "--store", store.toString(), "--user", "sam", "--password",
                    "secretariat-test");
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("backed up its store");
            try (var backups = Files.list(temp.resolve("backups"))) {
                served = backups.filter(file -> file.getFileName().toString().endsWith(".zip")).findFirst()
                        .orElseThrow();
            }
        } finally {
            ServerFile.remove(store);
        }

        for (Path zip : List.of(local, served)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip))).as("a backup, owner-only")
                    .isEqualTo("rw-------");
            Path restored = temp.resolve("restored-" + zip.getFileName());
            assertThat(Cli.run("restore", "--store", restored.toString(), zip.toString()).exitCode()).isZero();
            assertThat(Cli.run("verify", "--store", restored.toString()).output())
                    .startsWith("intact: 136 events sealed");
            assertThat(Cli.run("digest", "--store", restored.toString()).output()).isEqualTo(digest);
            assertThat(temp.resolve("witness").resolve(restored.getFileName()).resolve("checkpoints.jsonl"))
                    .as("the witness, carried by the backup").hasSameTextualContentAs(
                            temp.resolve("witness").resolve("store").resolve("checkpoints.jsonl"));
        }
        // An insider rewinds the restored store's tree and deletes an event from its middle; the sequencer would
        // seal the events after it again, but the witness the backup carried holds the tree as it was.
        Path rewound = temp.resolve("restored-local.zip");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + rewound.resolve("ledger"), "sa",
                "");
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM ledger_checkpoint WHERE tree_size > 100");
            sql.executeUpdate("DELETE FROM ledger_tree_leaf WHERE leaf_index >= 100");
            sql.executeUpdate("DELETE FROM ledger_event_authenticator WHERE position = 120");
            sql.executeUpdate("DELETE FROM domain_event_entry WHERE global_index = 120");
        }
        Cli tampered = Cli.run("verify", "--store", rewound.toString());
        assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains("witnessed checkpoint");
        Cli intoAStore = Cli.run("restore", "--store", store.toString(), local.toString());
        Path notABackup = Files.writeString(temp.resolve("notes.zip"), "not a zip");
        Cli fromNoBackup = Cli.run("restore", "--store", temp.resolve("empty").toString(), notABackup.toString());
        assertThat(intoAStore.exitCode()).isEqualTo(2);
        assertThat(intoAStore.output().strip()).isEqualTo("ledger restore: " + store
                + " already holds a store; restore into an empty folder");
        assertThat(fromNoBackup.exitCode()).isEqualTo(2);
        assertThat(fromNoBackup.output().strip()).isEqualTo("ledger restore: " + notABackup
                + " is not a backup of a ledger store (no ledger.mv.db in it)");
    }

    @Test
    void aPostgresDumpRestoresIntoAFreshDatabaseThatVerifies() throws Exception {
        PostgresTestServer postgres = PostgresTestServer.get();
        String source = postgres.createDatabase();
        Digest digest;
        try (ConfigurableApplicationContext pg = onPostgres(postgres, source, "source")) {
            pg.getBean(LedgerImporter.class).importFiles(SeedData.files(),
                    Map.of(RecordingMetaData.CHANNEL, "csv-import"), ImportListener.SILENT);
            digest = pg.getBean(LedgerVerifier.class).digest();
        }
        Path dump = temp.resolve("ledger.dump");
        run("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, libpq(postgres, source));
        String target = postgres.createDatabase();
        run("pg_restore", "--no-owner", "--dbname=" + libpq(postgres, target), dump.toString());

        try (ConfigurableApplicationContext restored = onPostgres(postgres, target, "target")) {
            LedgerVerifier chain = restored.getBean(LedgerVerifier.class);
            assertThat(chain.verify().intact()).isTrue();
            assertThat(chain.digest()).isEqualTo(digest);
        }
    }

    private ConfigurableApplicationContext onPostgres(PostgresTestServer postgres, String url, String name) {
        return Application.start(temp.resolve(name), temp.resolve("out-" + name), "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + postgres.user(), "--spring.datasource.password=" + postgres.password());
    }

    /** The JDBC URL as a libpq connection string, for PostgreSQL's own tools. */
    private static String libpq(PostgresTestServer postgres, String jdbcUrl) {
        return jdbcUrl.replace("jdbc:postgresql://", "postgresql://" + postgres.user() + ":" + postgres.password() + "@");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
