package org.programmeledger.benchmarks.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.programmeledger.benchmarks.report.Result;
import org.programmeledger.benchmarks.run.RunContext;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.service.CanonicalJson;

/**
 * W5: figures recorded over HTTP on loopback by eight concurrent clients, each request one command
 * through the REST API (HTTP Basic, validation, the command bus, one transaction), against eight JDBC
 * clients committing one row each at a time: issue #17 asks for a p99 within 5x of theirs.
 */
public final class ApiWorkload {

    public static final String NAME = "W5-api";
    static final int CLIENTS = 8;
    /** The benchmark's user (bcrypt cost 4, as in the tests, so that signing in does not dominate). */
    public static final String USER = "bench";
    public static final String PASSWORD = "secretariat-test";
    public static final String PASSWORD_HASH = "$2a$04$q6XhBsIzlBKiVnMRooE05u8KO9fhq2aagCRzHSymDKeek8SlBMxCe";

    private final RunContext run;
    private final ObjectMapper mapper = CanonicalJson.mapper();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    public ApiWorkload(RunContext run) {
        this.run = run;
    }

    public void measure(int requests) throws Exception {
        int port = Integer.parseInt(run.app().getEnvironment().getProperty("local.server.port"));
        try (KeptAliveClient client = new KeptAliveClient("127.0.0.1", port)) {
            measure(client, requests);
        }
    }

    private void measure(KeptAliveClient client, int requests) throws Exception {
        int warmedUp = ImportWorkload.warmUp(requests, CLIENTS,
                n -> post(client, run.history().extraFigure("w5-warm", n)));
        run.heap().reset();
        long before = run.events();
        ImportWorkload.CpuMark cpu = ImportWorkload.CpuMark.now();
        ImportWorkload.GroupMark groups = ImportWorkload.GroupMark.now(run);
        ImportWorkload.Timed timed = run.heap().withoutForcedCollections(() -> ImportWorkload.concurrently(requests,
                CLIENTS, n -> post(client, run.history().extraFigure("w5", n))));
        run.note(String.format(Locale.ROOT, "W5 API %s %,d: %s, its clients and everything running beside them; %s",
                run.store().kind(), run.size(), cpu.note("request", requests, warmedUp), groups.note()));
        if (run.events() - before != requests) {
            throw new IllegalStateException(requests + " requests recorded " + (run.events() - before) + " events");
        }
        Result result = run.result(NAME, run.config(), timed.opsPerSecond(), timed.p50(), timed.p99(),
                run.heap().peakMib());
        run.heap().reset();
        ImportWorkload.Timed raw = run.heap().withoutForcedCollections(
                () -> ImportWorkload.rawCommitPerRow(run, "w5-raw", requests, CLIENTS));
        Result baseline = run.result(NAME, "baseline-jdbc-commit-per-row", raw.opsPerSecond(), raw.p50(), raw.p99(),
                run.heap().peakMib());
        run.progress(String.format("API, %d clients: %.0f commands/s, p50 %.1f ms, p99 %.1f ms (raw commit per row: "
                        + "%.0f/s, p99 %.1f ms)", CLIENTS, result.opsPerSecond(), result.p50Millis(),
                result.p99Millis(), baseline.opsPerSecond(), baseline.p99Millis()));
        run.emit(result.withRatioTo(baseline));
        run.emit(baseline);
    }

    private void post(KeptAliveClient client, RecordFigure figure) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("figureId", figure.figureId());
        body.put("item", figure.itemNumber());
        body.put("metric", figure.metric());
        body.put("value", figure.value());
        body.put("unit", figure.unit());
        body.put("qualifier", figure.qualifier().code());
        body.put("side", figure.side().code());
        body.put("extent", figure.extent().text());
        body.put("basis", figure.basis().code());
        body.put("source", figure.source());
        String path = "/api/plan-periods/" + figure.periodId() + "/figures";
        KeptAliveClient.Answer answer = client.postJson(path, authorization, mapper.writeValueAsBytes(body));
        if (answer.status() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
