package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.programmeledger.ledger.importing.SeedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose file H2 cannot read (its header overwritten, as a bad disk or a stray copy leaves it): every command
 * that opens it says so in one line, naming the store and H2's reason, and changes nothing.
 */
class DamagedStoreIT {

    @TempDir
    Path temp;

    @Test
    void aStoreThatCannotBeOpenedIsNamedInOneLineWithH2sReason() throws Exception {
        Path store = temp.resolve("store");
        assertThat(Cli.run("import", "--store", store.toString(), SeedData.folder().toString()).exitCode()).isZero();
        Path file = store.resolve("ledger.mv.db");
        byte[] damaged = Files.readAllBytes(file);
        Arrays.fill(damaged, 0, 8192, (byte) '#');
        Files.write(file, damaged);

        for (String[] command : List.of(new String[] {"verify", "--store", store.toString()},
                new String[] {"replay", "--store", store.toString()},
                new String[] {"jobs", "list", "--store", store.toString()})) {
            Cli run = Cli.run(command);

            assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.output()).isEqualTo(1);
            assertThat(run.output().strip()).as(command[0])
                    .startsWith("ledger " + command[0])
                    .contains("the store in " + store + " cannot be opened: ")
                    .contains("File corrupted")
                    .doesNotContain("\n");
        }
        assertThat(Files.readAllBytes(file)).as("the file is left as it was").isEqualTo(damaged);
    }
}
