package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.ledger.importing.SeedData;

/** The auditors' commands through the real command line, on a store the demo recorded. */
class AuditCommandsIT {

    @TempDir
    Path temp;
    private String ledgerHome;

    /** A home of its own, so that the key this test shows and rotates is not the one other runs left. */
    @BeforeEach
    void homeOfItsOwn() {
        ledgerHome = System.getProperty("ledger.home");
        System.setProperty("ledger.home", temp.toString());
    }

    @AfterEach
    void homeAsItWas() {
        if (ledgerHome == null) {
            System.clearProperty("ledger.home");
        } else {
            System.setProperty("ledger.home", ledgerHome);
        }
    }

    @Test
    void verifiesReplaysAndReadsTheHistoryThenFindsTamperingAndARewrittenHistory() throws Exception {
        Path store = temp.resolve("store");
        assertThat(Cli.run("demo", "--data", SeedData.folder().toString(), "--out", temp.resolve("out").toString(),
                "--store", store.toString()).exitCode()).isZero();

        Cli verify = Cli.run("verify", "--store", store.toString());
        Cli digest = Cli.run("digest", "--store", store.toString(), "--to", temp.resolve("digest.json").toString());
        Cli history = Cli.run("history", "--store", store.toString(), "--period", "gdhk-ipr-2020-mid-2022",
                "--activity", "6.1");
        Cli unknownItem = Cli.run("history", "--store", store.toString(), "--period", "gdhk-ipr-2020-mid-2022",
                "--item", "99");
        Cli unknownPublication = Cli.run("verify", "--store", store.toString(), "--publication", "9");
        Cli asOf = Cli.run("as-of", "--store", store.toString(), "2999-12-31");
        Cli replay = Cli.run("replay", "--store", store.toString());
        Cli trail = Cli.run("audit-trail", "--store", store.toString(), "--to", temp.resolve("trail.csv").toString());

        assertThat(verify.exitCode()).isZero();
        assertThat(verify.output()).startsWith("intact: 136 events sealed, head at position 136");
        assertThat(Files.readString(temp.resolve("digest.json"))).contains("\"position\" : 136");
        assertThat(history.output()).contains("ActivityRecorded", "infringing-items-seized", "value=6980000",
                "occurred From January 2020 to June 2022");
        assertThat(unknownItem.exitCode()).isEqualTo(2);
        assertThat(unknownItem.output().strip()).isEqualTo("ledger history: item 99 of plan period "
                + "gdhk-ipr-2020-mid-2022 is not in the ledger: no event names it");
        assertThat(unknownPublication.exitCode()).isEqualTo(2);
        assertThat(unknownPublication.output().strip()).isEqualTo("ledger verify: no plan period has a publication 9");
        assertThat(asOf.output()).contains("2.2.2 professionals-matched: 1268 professionals");
        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("The rebuilt views are identical to the ones before.");
        assertThat(trail.output()).contains("Wrote 136 events");
        Cli shown = Cli.run("key", "show", "--store", store.toString());
        Cli rotated = Cli.run("key", "rotate", "--store", store.toString());
        Cli afterRotation = Cli.run("verify", "--store", store.toString());
        assertThat(shown.output()).as("the first key is recorded when shown")
                .contains("recorded:   SigningKeyRegistered at ledger position 137");
        assertThat(rotated.exitCode()).as(rotated.output()).isZero();
        assertThat(rotated.output()).containsPattern("key id: +[0-9a-f]{8} \\(retired: [0-9a-f]{8}")
                .contains("recorded:   SigningKeyRegistered at ledger position 138");
        String first = shown.output().lines().filter(line -> line.startsWith("key id:")).findFirst().orElseThrow()
                .substring("key id:".length()).strip();
        String second = rotated.output().lines().filter(line -> line.startsWith("key id:")).findFirst().orElseThrow()
                .substring("key id:".length()).strip().substring(0, 8);
        assertThat(afterRotation.output()).as("the retired key still checks what it signed; the rotation is signed")
                .startsWith("intact: 138 events sealed")
                .contains("signing keys " + first + " -> " + second + ", recorded in the ledger");

        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + store.resolve("ledger"), "sa", "");
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE domain_event_entry SET payload = REPLACE(payload, '1268', '1286') "
                    + "WHERE payload LIKE '%\"figureId\":\"2.2.2\"%'");
        }
        Cli tampered = Cli.run("verify", "--store", store.toString());
        Cli againstDigest = Cli.run("verify", "--store", store.toString(), "--digest",
                temp.resolve("digest.json").toString());

        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.output()).matches("(?s)BROKEN at position \\d+: the event does not match its leaf.*");
        assertThat(againstDigest.exitCode()).isEqualTo(1);
        Cli refusedDigest = Cli.run("digest", "--store", store.toString());
        assertThat(refusedDigest.exitCode()).isEqualTo(1);
        assertThat(refusedDigest.output()).contains("No digest of a broken ledger: BROKEN at position");
        Cli key = Cli.run("key", "show", "--store", store.toString());
        assertThat(key.output()).containsPattern("key id: +[0-9a-f]{8}").containsPattern("public key: +MCowBQYDK2Vw")
                .contains("keys/signing.ed25519");
    }
}
