package org.programmeledger.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/** The schema's migration reports the store's own failure when the store is what failed, and Flyway's otherwise. */
class StoreMigrationTest {

    @TempDir
    Path temp;

    private final FlywayMigrationStrategy migration = new EventStoreConfiguration()
            .migrationNamingTheStoresOwnFailure();

    @Test
    void aStoreThatCannotBeOpenedIsTheFailureReported() throws Exception {
        Files.write(temp.resolve("ledger.mv.db"), new byte[8192]);
        Flyway flyway = Flyway.configure().dataSource("jdbc:h2:file:" + temp.resolve("ledger"), "sa", "")
                .locations("classpath:db/migration/h2").load();

        assertThatThrownBy(() -> migration.migrate(flyway)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the store cannot be opened: ").hasMessageContaining("File corrupted")
                .satisfies(failure -> assertThat(failure.getSuppressed()).singleElement()
                        .isInstanceOf(FlywayException.class));
    }

    @Test
    void aMigrationThatFailsOnAWorkingStoreIsFlywaysFailure() throws Exception {
        Path scripts = Files.createDirectories(temp.resolve("migration"));
        Files.writeString(scripts.resolve("V1__broken.sql"), "CREATE TABLE;");
        Flyway flyway = Flyway.configure().dataSource("jdbc:h2:file:" + temp.resolve("ledger"), "sa", "")
                .locations("filesystem:" + scripts).load();

        assertThatThrownBy(() -> migration.migrate(flyway)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("V1__broken.sql");
    }
}
