package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.dashboards.console.DefaultStore;

/** Without --store, commands read var/ledger/, or the demo's store while var/ledger/ holds none. */
class DefaultStoreTest {

    @TempDir
    Path home;
    private String homeBefore;

    @BeforeEach
    void useTemporaryHome() {
        homeBefore = System.getProperty("ledger.home");
        System.setProperty("ledger.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (homeBefore == null) {
            System.clearProperty("ledger.home");
        } else {
            System.setProperty("ledger.home", homeBefore);
        }
    }

    @Test
    void readsTheDemosStoreOnlyWhileVarLedgerHoldsNone() throws Exception {
        Path ledger = home.resolve("var").resolve("ledger");
        Path demo = home.resolve("var").resolve("demo");
        assertThat(DefaultStore.forReading()).isEqualTo(ledger);
        assertThat(DefaultStore.usesDemo()).isFalse();

        Files.createDirectories(demo);
        Files.writeString(demo.resolve("ledger.mv.db"), "");
        assertThat(DefaultStore.forReading()).isEqualTo(demo);
        assertThat(DefaultStore.usesDemo()).isTrue();
        assertThat(DefaultStore.demoNote()).contains("var/demo", "var/ledger holds none yet");

        Files.createDirectories(ledger);
        Files.writeString(ledger.resolve("ledger.mv.db"), "");
        assertThat(DefaultStore.forReading()).isEqualTo(ledger);
        assertThat(DefaultStore.usesDemo()).isFalse();
    }

    @Test
    void aNamedDatasourceIsNeverReplacedByTheDemosStore() throws Exception {
        Path demo = home.resolve("var").resolve("demo");
        Files.createDirectories(demo);
        Files.writeString(demo.resolve("ledger.mv.db"), "");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve("application.yml"),
                "spring:\n  datasource:\n    url: jdbc:postgresql://db.example/ledger\n");

        assertThat(DefaultStore.usesDemo()).isFalse();
        assertThat(DefaultStore.forReading()).isEqualTo(home.resolve("var").resolve("ledger"));
    }

    @Test
    void everyStoreHasAnOutputFolderOfItsOwn() {
        Path out = home.resolve("out");
        assertThat(DefaultStore.outputs(home.resolve("var").resolve("demo"))).isEqualTo(out.resolve("demo"));
        assertThat(DefaultStore.outputs(home.resolve("var").resolve("ledger"))).isEqualTo(out.resolve("ledger"));

        Path elsewhere = DefaultStore.outputs(home.resolve("a").resolve("ledger"));
        Path sameNameElsewhere = DefaultStore.outputs(home.resolve("b").resolve("ledger"));
        assertThat(elsewhere.getParent()).isEqualTo(out);
        assertThat(elsewhere.getFileName().toString()).matches("ledger-[0-9a-f]{8}");
        assertThat(sameNameElsewhere).isNotEqualTo(elsewhere).isNotEqualTo(out.resolve("ledger"));
        assertThat(DefaultStore.outputs(home.resolve("a").resolve("x").resolve("..").resolve("ledger")))
                .as("one store, however its path is written").isEqualTo(elsewhere);
    }
}
