package org.programmeledger.dashboards.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.web.Http;

/**
 * {@code import} of the seed on a store whose disk fills up half-way (a 200 KiB tmpfs mounted on the store, in a
 * mount namespace of the process, as {@link FullOutputFolderIT} does). H2 writes commits up to half a second after
 * them: the command said "Recorded 136 new events" and exited 0 with none of them in the file. Now it fails in one
 * line, the store holds whole files only, and with room again the same import records the rest.
 */
class ImportOnFullDiskIT {

    private static final Duration PROCESS = Duration.ofMinutes(3);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;
    Path store;

    @BeforeEach
    void aStoreFolderAndUsers() throws Exception {
        assumeTrue(new ProcessBuilder("unshare", "--map-root-user", "--mount", "true").start().waitFor() == 0,
                "this machine cannot make a mount namespace (unshare), so no disk can be filled here");
        LedgerProcess.writeUsers(home);
        store = Files.createDirectories(home.resolve("store"));
    }

    @Test
    void anImportThatFillsTheDiskSaysSoAndTheSameImportLaterRecordsTheRest() throws Exception {
        Path after = Files.createDirectories(home.resolve("after"));
        String script = "mount -t tmpfs -o size=200k ledger-store store; "
                + String.join(" ", LedgerProcess.command(home, List.of(), "import", "--store", store.toString(),
                        SeedData.folder().toString()))
                + "; echo \"exit code $?\"; df -k store; cp -a store/. after/";
        try (LedgerProcess full = LedgerProcess.start(List.of("unshare", "--map-root-user", "--mount", "sh", "-c",
                "cd " + home + " && " + script), home.resolve("import-full-disk.log"))) {
            assertThat(full.awaitExit(PROCESS)).as(full.output()).isZero();
            assertThat(full.output()).as("the import failed on the full disk, and said so")
                    .contains("exit code 1").doesNotContain("Recorded 136 new events")
                    .containsPattern("(?m)^ledger import: stopped, as a disk it writes to is full \\(No space left "
                            + "on device\\)");
        }

        try (Stream<Path> files = Files.list(after)) {
            for (Path file : files.toList()) {
                Files.copy(file, store.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (LedgerProcess again = LedgerProcess.start(home, "import-again.log", List.of(), "import", "--store",
                store.toString(), SeedData.folder().toString())) {
            assertThat(again.awaitExit(PROCESS)).as(again.output()).isZero();
            assertThat(again.output()).contains("Recorded ");
        }
        try (LedgerProcess verify = LedgerProcess.start(home, "verify.log", List.of(), "verify", "--store",
                store.toString())) {
            assertThat(verify.awaitExit(PROCESS)).as(verify.output()).isZero();
            assertThat(verify.output()).as("the whole seed, each event once").contains("136 events");
        }
    }

    /**
     * The same over HTTP, on a server whose store fills up: each file is recorded (200), or refused as a full store
     * (507) or an unreachable one (503, once H2 has closed the store), never a 500 or a 409. Before, the file whose
     * write filled the disk was a 500, and the next a 409 that said its first event "was already inserted".
     */
    @Test
    void anImportOverHttpOnAFullDiskIsRefusedAsAFullStoreNeverAsABugOrAConflict() throws Exception {
        String script = "mount -t tmpfs -o size=200k ledger-store store && exec "
                + String.join(" ", LedgerProcess.command(home, List.of(), "serve", "--port=0", "--store",
                store.toString()));
        Map<String, Integer> answers = new TreeMap<>();
        try (LedgerProcess server = LedgerProcess.start(List.of("unshare", "--map-root-user", "--mount", "sh", "-c",
                "cd " + home + " && " + script), home.resolve("serve-full-disk.log"))) {
            Http http = server.awaitServing();
            try (Stream<Path> files = Files.list(SeedData.folder())) {
                for (Path file : files.filter(path -> path.toString().endsWith(".csv")).sorted().toList()) {
                    HttpResponse<String> answer = http.postCsv("/api/imports?name=" + file.getFileName(),
                            Files.readString(file));
                    answers.put(file.getFileName() + ": " + answer.body(), answer.statusCode());
                }
            }
        }
        assertThat(answers.values()).as("%s", answers).isSubsetOf(200, 503, 507).contains(507);
    }
}
