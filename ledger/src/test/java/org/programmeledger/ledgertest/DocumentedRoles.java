package org.programmeledger.ledgertest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new database with the roles docs/operations.md prescribes ("Users and privileges"), its statements run before
 * the application's first start: the application as {@link #APP}, its migrations as {@link #OWNER}.
 */
public record DocumentedRoles(String url) {

    public static final String OWNER = "ledger_owner";
    public static final String APP = "ledger_app";

    public static DocumentedRoles newDatabase(PostgresTestServer server) {
        String url = server.createDatabase();
        JdbcTemplate asAdmin = jdbc(url, server.user(), server.password());
        for (String role : new String[] {OWNER, APP}) {
            asAdmin.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "CREATE ROLE " + role + " LOGIN PASSWORD '" + role + "'; END IF; END $$");
        }
        asAdmin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        asAdmin.execute("GRANT USAGE, CREATE ON SCHEMA public TO ledger_owner");
        asAdmin.execute("GRANT USAGE ON SCHEMA public TO ledger_app");
        asAdmin.execute("ALTER DEFAULT PRIVILEGES FOR ROLE ledger_owner IN SCHEMA public "
                + "GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ledger_app");
        asAdmin.execute("ALTER DEFAULT PRIVILEGES FOR ROLE ledger_owner IN SCHEMA public "
                + "GRANT USAGE, SELECT ON SEQUENCES TO ledger_app");
        return new DocumentedRoles(url);
    }

    /** The command-line arguments that start the application on this database under these roles. */
    public String[] applicationArguments() {
        return new String[] {
            "--spring.main.web-application-type=none",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + APP,
            "--spring.datasource.password=" + APP,
            "--spring.flyway.user=" + OWNER,
            "--spring.flyway.password=" + OWNER};
    }

    /** A connection as one of the roles (each role's password is its name). */
    public JdbcTemplate as(String role) {
        return jdbc(url, role, role);
    }

    private static JdbcTemplate jdbc(String url, String user, String password) {
        return new JdbcTemplate(new DriverManagerDataSource(url, user, password));
    }
}
