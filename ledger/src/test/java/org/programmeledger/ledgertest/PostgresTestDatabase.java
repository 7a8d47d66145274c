package org.programmeledger.ledgertest;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Puts a Spring test context on a fresh database of the test JVM's PostgreSQL server. */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresTestServer server = PostgresTestServer.get();
        TestPropertyValues.of(
                "spring.datasource.url=" + server.createDatabase(),
                "spring.datasource.username=" + server.user(),
                "spring.datasource.password=" + server.password()).applyTo(context);
    }
}
