package org.programmeledger.analyticstest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output folders for test classes that name one in a static field: the context of a per-class test starts before
 * static @TempDir fields are set.
 */
public final class OutputFolders {

    private OutputFolders() {
    }

    public static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
