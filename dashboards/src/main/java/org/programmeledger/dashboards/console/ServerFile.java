package org.programmeledger.dashboards.console;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The note {@code serve} leaves beside its store while it runs: an H2 file store admits one process,
 * so other commands on that store send their work to the running server instead.
 */
public final class ServerFile {

    private static final String NAME = "server.properties";

    private ServerFile() {
    }

    public static void write(Path store, URI url) {
        Properties properties = new Properties();
        properties.setProperty("url", url.toString());
        properties.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        try (Writer writer = Files.newBufferedWriter(store.resolve(NAME))) {
            properties.store(writer, "written by bin/ledger serve; removed when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void remove(Path store) {
        try {
            Files.deleteIfExists(store.resolve(NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of a server on this store whose process is still alive. */
    public static Optional<URI> runningServer(Path store) {
        Path file = store.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean alive = ProcessHandle.of(Long.parseLong(properties.getProperty("pid", "-1")))
                .map(ProcessHandle::isAlive).orElse(false);
        return alive ? Optional.of(URI.create(properties.getProperty("url"))) : Optional.empty();
    }
}
