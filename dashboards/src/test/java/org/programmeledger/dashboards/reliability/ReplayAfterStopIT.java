package org.programmeledger.dashboards.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.web.Http;

/**
 * {@code replay} run as its users run it, on one H2 store, after each way a server or an earlier replay can
 * stop: a server stopped by SIGTERM, a server killed (SIGKILL, its claim on the views left behind), a replay
 * interrupted by Ctrl-C (SIGINT) half-way, a replay killed half-way, and a replay whose disk filled up. Each
 * replay after a stop gets past where the stop left the views; the last finishes with the views of the start.
 */
class ReplayAfterStopIT {

    private static final int ACTIVITIES = 600;
    /** Ten events a transaction and a pause after each: a replay of this store takes about fifteen seconds. */
    private static final List<String> SLOW_REPLAY = List.of("-Dledger.views.replay-batch-size=10",
            "-Dledger.views.replay-pause=250ms");
    /** The slow replay, waiting out a killed server's claim on the views for 2 s rather than Axon's 10 s. */
    private static final List<String> SHORT_CLAIM_SLOW_REPLAY = Stream.concat(
            Stream.of("-Daxon.eventhandling.tokenstore.claim-timeout=2s"), SLOW_REPLAY.stream()).toList();
    private static final Duration PROCESS = Duration.ofMinutes(5);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @Test
    void aReplayAfterAnyWayAServerOrAReplayStoppedGetsPastItAndFinishes() throws Exception {
        // The stores are opened here too (their views read, compacted): by H2 as the product runs it, without the
        // asserts of its own that -ea turns on, one of which stopped a compaction half-way and left the file unreadable.
        assertThat(Class.forName("org.h2.mvstore.MVStore").desiredAssertionStatus())
                .as("H2 in this JVM runs without its asserts (the failsafe plugin's argLine)").isFalse();
        LedgerProcess.writeUsers(home);
        List<Path> files = GeneratedProgramme.write(home.resolve("data"), ACTIVITIES);
        String store = "--store=" + home.resolve("store");
        // The programme goes in through the server that is then stopped: one process start fewer than an import.
        try (LedgerProcess server = LedgerProcess.start(home, "serve-stopped.log", List.of(), "serve", "--port=0",
                store)) {
            Http http = server.awaitServing();
            for (Path file : files) {
                HttpResponse<String> imported = http.postCsv("/api/imports?name=" + file.getFileName(),
                        Files.readString(file));
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            }
            server.stop();
        }
        // Stopped so soon, the server may not have projected every event yet: the replay catches the views up first.
        phase("server stopped by SIGTERM");
        assertThat(replay("replay-after-sigterm.log", List.of(), store)).contains("identical");
        phase("replayed after SIGTERM");
        List<String> views = StoreViews.dump(home.resolve("store"));
        assertThat(views).as("every activity in the views").filteredOn(row -> row.startsWith("view_activity"))
                .hasSize(ACTIVITIES);

        try (LedgerProcess server = LedgerProcess.start(home, "serve-killed.log", List.of(), "serve", "--port=0",
                store)) {
            server.awaitServing();
            server.kill();
        }
        phase("server killed");
        // The killed server's claim holds for Axon's claim timeout, shortened here from 10 s to 2 s; this replay
        // waits it out, then rebuilds.
        try (LedgerProcess interrupted = LedgerProcess.start(home, "replay-interrupted.log", SHORT_CLAIM_SLOW_REPLAY,
                "replay", store)) {
            awaitReplayUnderWay(interrupted);
            interrupted.interrupt();
        }
        phase("replay interrupted");
        assertThat(StoreViews.dump(home.resolve("store")))
                .as("the interrupted replay had rebuilt part of the views").isNotEqualTo(views);

        try (LedgerProcess killed = LedgerProcess.start(home, "replay-killed.log", SLOW_REPLAY, "replay", store)) {
            awaitReplayUnderWay(killed);
            killed.kill();
        }
        phase("replay killed");
        assertThat(StoreViews.dump(home.resolve("store")))
                .as("the killed replay had rebuilt part of the views").isNotEqualTo(views);

        replayOnAFullDisk(store);
        phase("replay on a full disk");
        assertThat(replay("replay-after-full-disk.log", List.of(), store)).contains("identical");
        phase("replayed after the full disk");
        assertThat(StoreViews.dump(home.resolve("store"))).isEqualTo(views);
    }

    private final long started = System.nanoTime();

    /** Where the time goes, in the test's output. */
    private void phase(String name) {
        System.out.printf("ReplayAfterStopIT: %s after %.1f s%n", name, (System.nanoTime() - started) / 1e9);
    }

    private String replay(String log, List<String> options, String store) throws Exception {
        try (LedgerProcess replay = LedgerProcess.start(home, log, options, "replay", store)) {
            assertThat(replay.awaitExit(PROCESS)).as(replay.output()).isZero();
            return replay.output();
        }
    }

    /** Waits for a progress line of the rebuild, past the first batches and short of the end. */
    /**
     * Waits for the second progress line of the rebuild (5 s after the first): by then the rebuild's first commits,
     * the emptied views among them, are in the store's file, which H2 writes up to half a second after a commit
     * (its WRITE_DELAY; docs/operations.md, "Durability"). Killed at the first line, the emptying could be lost.
     */
    private static void awaitReplayUnderWay(LedgerProcess replay) throws InterruptedException {
        replay.awaitOutput("the replay under way", output -> output.split("Replaying: position", -1).length > 2,
                PROCESS);
    }

    /**
     * A real full disk: the store copied onto a tmpfs with little room to spare, mounted in a user and mount
     * namespace of the replay's process (as {@link FullOutputFolderIT} does), and copied back as the replay
     * left it.
     */
    private void replayOnAFullDisk(String store) throws Exception {
        assumeTrue(new ProcessBuilder("unshare", "--map-root-user", "--mount", "true").start().waitFor() == 0,
                "this machine cannot make a mount namespace (unshare), so no disk can be filled here");
        // Not a page to spare. H2 keeps the pages a commit replaced for 45 s before it writes over them, so
        // a replay of many small transactions must grow the file; compacted first, the file has no free room
        // inside it either (what the killed replay before left free there varied with when it was killed).
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:"
                + home.resolve("store").resolve("ledger"), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        long pages = 0;
        try (var files = Files.list(home.resolve("store"))) {
            for (Path file : files.toList()) {
                pages += (Files.size(file) + 4095) / 4096;
            }
        }
        String script = "set -e; cp -a store before; mount -t tmpfs -o size=" + pages * 4 + "k ledger-store "
                + "store; cp -a before/. store/; set +e; "
                + String.join(" ", LedgerProcess.command(home, SLOW_REPLAY, "replay", store))
                + "; echo \"exit code $?\"; df -k store; cp -a store/. after/";
        Files.createDirectories(home.resolve("after"));
        try (LedgerProcess replay = LedgerProcess.start(List.of("unshare", "--map-root-user", "--mount", "sh", "-c",
                "cd " + home + " && " + script), home.resolve("replay-full-disk.log"))) {
            assertThat(replay.awaitExit(PROCESS)).as(replay.output()).isZero();
            // Where the disk fills (opening the store or replaying) varies; either way the replay says it in a line.
            assertThat(replay.output()).as("the replay ran, and failed on the full disk").contains("exit code ")
                    .doesNotContain("exit code 0").containsPattern("(?m)^ledger replay: (the store in .* cannot be "
                            + "opened: its disk is full|stopped, as a disk it writes to is full) \\(No space left on "
                            + "device\\)").doesNotContain("NullPointerException");
        }
        try (var files = Files.list(home.resolve("after"))) {
            for (Path file : files.toList()) {
                Files.copy(file, home.resolve("store").resolve(file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
