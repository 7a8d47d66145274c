package org.programmeledger.ledgertest;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Application nodes sharing one fresh database of the test PostgreSQL, as several servers of one ledger would. */
public final class TestNodes implements AutoCloseable {

    private final PostgresTestServer server = PostgresTestServer.get();
    private final String database = server.createDatabase();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final Class<?>[] sources;

    /** Nodes made of {@code sources}, the application class first. */
    public TestNodes(Class<?>... sources) {
        this.sources = sources;
    }

    /** Starts a node that claims event processor segments as {@code id}, with more {@code --key=value} settings. */
    public ConfigurableApplicationContext start(String id, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password(),
                "--ledger.node.id=" + id));
        arguments.addAll(List.of(settings));
        ConfigurableApplicationContext node = new SpringApplicationBuilder(sources).run(arguments.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    @Override
    public void close() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }
}
