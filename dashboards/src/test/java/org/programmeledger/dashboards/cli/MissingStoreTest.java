package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that read a store refuse a folder that holds none, before starting anything and without creating one. */
class MissingStoreTest {

    @TempDir
    Path temp;

    @Test
    void everyReadingCommandRefusesAMistypedStoreInOneLineWithExitCode2() throws Exception {
        Path mistyped = temp.resolve("var").resolve("ledgr");
        String store = mistyped.toString();
        List<String[]> commands = List.of(
                new String[] {"verify", "--store", store},
                new String[] {"digest", "--store", store},
                new String[] {"history", "--store", store, "--period", "gdhk-ipr-2020-mid-2022"},
                new String[] {"as-of", "--store", store, "2021-01-01"},
                new String[] {"audit-trail", "--store", store, "--to", temp.resolve("trail.csv").toString()},
                new String[] {"replay", "--store", store},
                new String[] {"export", "--store", store, "--to", temp.resolve("export.jsonl").toString()},
                new String[] {"backup", "--store", store, "--to", temp.resolve("backup.zip").toString()},
                new String[] {"jobs", "list", "--store", store},
                new String[] {"report", "--period", "gdhk-ipr-2020-mid-2022", "--store", store},
                new String[] {"prove", "--figure", "2.2.1", "--publication", "1", "--store", store});

        for (String[] command : commands) {
            Cli run = Cli.run(command);

            assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.output()).isEqualTo(2);
            assertThat(run.output().strip()).as(command[0])
                    .startsWith("ledger ")
                    .contains("ledgr holds no ledger store")
                    .doesNotContain("\n");
        }
        assertThat(Files.exists(mistyped)).as("no store was created").isFalse();
    }
}
