package org.programmeledger.ledger.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQL on the tables of the events and their seals is written only in the store and in sealing, so a change of
 * how events are stored or read is a change there. ArchUnit cannot see SQL strings; the sources can.
 */
class EventTablesTest {

    private static final Pattern EVENT_TABLES = Pattern.compile(
            "\\b(domain_event_entry|snapshot_event_entry|ledger_seal|ledger_tree_leaf|ledger_event_authenticator"
                    + "|ledger_checkpoint)\\b");
    private static final Path SOURCES = Path.of("src/main/java/org/programmeledger/ledger");
    private static final Set<String> OWNERS = Set.of("store", "sealing");

    @Test
    void onlyTheStoreAndSealingQueryTheEventTables() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> outside = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !OWNERS.contains(SOURCES.relativize(file).getName(0).toString()))
                    .filter(file -> EVENT_TABLES.matcher(read(file)).find())
                    .map(file -> SOURCES.relativize(file).toString().replace('\\', '/')).toList();
            assertThat(outside).as("classes with SQL on the event tables outside store and sealing").isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
