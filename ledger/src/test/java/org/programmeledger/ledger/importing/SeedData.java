package org.programmeledger.ledger.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The programme data in the project's data/ folder, found from any module's working directory. */
public final class SeedData {

    private SeedData() {
    }

    public static Path folder() {
        for (Path candidate = Path.of("").toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            Path data = candidate.resolve("data");
            if (Files.isRegularFile(data.resolve("01-programmes.csv"))) {
                return data;
            }
        }
        throw new IllegalStateException("no data/ folder above " + Path.of("").toAbsolutePath());
    }

    public static List<Path> files() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(file -> file.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
