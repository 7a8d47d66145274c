package org.programmeledger.benchmarks.run;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The store a run measures: an H2 database in file mode, or a PostgreSQL server started for the run with
 * PostgreSQL's own durability defaults (fsync and synchronous_commit on; zonky's embedded server turns
 * synchronous_commit off unless told otherwise).
 */
public final class BenchStore implements AutoCloseable {

    private final String kind;
    private final String url;
    private final String user;
    private final EmbeddedPostgres postgres;

    private BenchStore(String kind, String url, String user, EmbeddedPostgres postgres) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.postgres = postgres;
    }

    public static final List<String> KINDS = List.of("h2", "postgresql");

    public static BenchStore start(String kind, Path folder) {
        return switch (kind) {
            case "h2" -> new BenchStore(kind, "jdbc:h2:file:" + folder.resolve("h2/ledger").toAbsolutePath()
                    + productH2Settings(), "sa", null);
            case "postgresql" -> postgres(folder.resolve("pg"));
            default -> throw new IllegalArgumentException("no store '" + kind + "'; stores: " + KINDS);
        };
    }

    /**
     * The settings the application's own H2 URL gives its store (page cache and the like, after the file's path), so
     * that the run measures the store as shipped.
     */
    static String productH2Settings() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String url = yaml.getObject().getProperty("spring.datasource.url");
        if (url == null || !url.startsWith(PRODUCT_H2_FILE)) {
            throw new IllegalStateException("the application's H2 URL is not " + PRODUCT_H2_FILE + "…: " + url);
        }
        return url.substring(PRODUCT_H2_FILE.length());
    }

    private static final String PRODUCT_H2_FILE = "jdbc:h2:file:${ledger.store.directory}/ledger";

    private static BenchStore postgres(Path dataDirectory) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new BenchStore("postgresql", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "postgres", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    public String kind() {
        return kind;
    }

    public boolean postgres() {
        return postgres != null;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
