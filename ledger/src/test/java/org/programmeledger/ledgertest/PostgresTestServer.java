package org.programmeledger.ledgertest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;

/**
 * The PostgreSQL server of a test JVM: the one named by LEDGER_TEST_POSTGRES_URL (with _USER and
 * _PASSWORD), or else one embedded server, started on first use and stopped when the JVM ends. Hands out
 * a fresh database per caller.
 *
 * <p>The server is stopped (or its databases dropped) by a Spring Boot shutdown handler, which runs after the
 * JVM's application contexts have closed. A JVM shutdown hook of its own would run beside Spring's: the server
 * went first, and each context's sealing pass then waited out the pool's connection timeout, keeping the test
 * JVM from ending for over 30 s.
 */
public final class PostgresTestServer {

    private static final String EXTERNAL_URL = "LEDGER_TEST_POSTGRES_URL";
    private static PostgresTestServer instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();
    private final List<String> created = new CopyOnWriteArrayList<>();

    private PostgresTestServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server of this JVM. */
    public static synchronized PostgresTestServer get() {
        if (instance == null) {
            instance = System.getenv(EXTERNAL_URL) != null ? external() : embedded();
        }
        return instance;
    }

    private static PostgresTestServer external() {
        PostgresTestServer server = new PostgresTestServer(System.getenv(EXTERNAL_URL),
                System.getenv(EXTERNAL_URL.replace("_URL", "_USER")),
                System.getenv(EXTERNAL_URL.replace("_URL", "_PASSWORD")));
        SpringApplication.getShutdownHandlers().add(server::dropDatabases);
        return server;
    }

    private static PostgresTestServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            SpringApplication.getShutdownHandlers().add(() -> close(postgres));
            return new PostgresTestServer("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createDatabase() {
        String name = "ledger_test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name);
        created.add(name);
        return urlOf(name);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the test PostgreSQL", e);
        }
    }

    private String urlOf(String database) {
        int hostEnd = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', hostEnd);
        return adminUrl.substring(0, hostEnd + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    /** An external server keeps no litter; an embedded one is deleted whole. */
    private void dropDatabases() {
        created.forEach(name -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }
}
