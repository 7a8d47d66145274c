package org.programmeledger.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** W5's client against the JDK's own HTTP server: kept-alive connections, both body framings, and closing. */
class KeptAliveClientTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Echoes the request as {@code port|authorization|body}, framed and answered as the path asks. */
    private void answer(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        String echo = exchange.getRemoteAddress().getPort() + "|" + exchange.getRequestHeaders().getFirst("Authorization")
                + "|" + new String(request, StandardCharsets.UTF_8);
        seen.add(echo);
        byte[] body = echo.getBytes(StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/close")) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        int status = path.endsWith("/refused") ? 422 : 201;
        // 0 makes the JDK's server send the body in chunks; a length sends it whole
        exchange.sendResponseHeaders(status, path.endsWith("/chunked") ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private KeptAliveClient client() {
        return new KeptAliveClient("127.0.0.1", server.getAddress().getPort());
    }

    private int port(KeptAliveClient.Answer answer) {
        return Integer.parseInt(answer.body().substring(0, answer.body().indexOf('|')));
    }

    @Test
    void aThreadsRequestsShareOneConnectionAndEachGetsItsOwnAnswer() throws IOException {
        try (KeptAliveClient client = client()) {
            KeptAliveClient.Answer first = client.postJson("/figures", "Basic x", "{\"n\":1}".getBytes());
            KeptAliveClient.Answer second = client.postJson("/figures", "Basic x", "{\"n\":2}".getBytes());

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.body()).endsWith("|Basic x|{\"n\":1}");
            assertThat(second.body()).endsWith("|Basic x|{\"n\":2}");
            assertThat(port(second)).isEqualTo(port(first));
        }
    }

    @Test
    void aChunkedBodyAndARefusalAreReadWhole() throws IOException {
        String json = "{\"text\":\"" + "é".repeat(5_000) + "\"}";
        try (KeptAliveClient client = client()) {
            KeptAliveClient.Answer chunked = client.postJson("/figures/chunked", "Basic y",
                    json.getBytes(StandardCharsets.UTF_8));
            KeptAliveClient.Answer refused = client.postJson("/figures/refused", "Basic y", "{}".getBytes());

            assertThat(chunked.status()).isEqualTo(201);
            assertThat(chunked.body()).endsWith("|Basic y|" + json);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).endsWith("|Basic y|{}");
            assertThat(port(refused)).isEqualTo(port(chunked));
        }
    }

    @Test
    void aConnectionTheServerClosesIsOpenedAnewForTheNextRequest() throws IOException {
        try (KeptAliveClient client = client()) {
            KeptAliveClient.Answer closing = client.postJson("/figures/close", "Basic z", "{}".getBytes());
            KeptAliveClient.Answer next = client.postJson("/figures", "Basic z", "{}".getBytes());

            assertThat(closing.status()).isEqualTo(201);
            assertThat(next.status()).isEqualTo(201);
            assertThat(port(next)).isNotEqualTo(port(closing));
            assertThat(seen).hasSize(2);
        }
    }
}
