package org.programmeledger.benchmarks.micro;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.sealing.SealedEvent;
import org.programmeledger.ledger.service.CanonicalJson;

/**
 * The micro workloads under W1, W2 and W6: an event serialised and read back by Axon's serializer with the
 * ledger's canonical mapper (as the event store does), against the same mapper called directly; and one
 * link of the hash chain ({@link SealedEvent#hashAfter}), against SHA-256 over the same bytes built once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CodecBenchmark {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(CanonicalJson.mapper()).build();
    private final ObjectMapper mapper = CanonicalJson.mapper();
    private FigureRecorded event;
    private SerializedObject<String> serialized;
    private String json;
    private SealedEvent sealed;
    private byte[] canonical;
    private MessageDigest sha256;

    @Setup
    public void data() throws Exception {
        event = new FigureRecorded("prog-1-p2", "prog-1-p2-f17", 4, "prog-1-p2-a9", "participants",
                new BigDecimal("1268"), "persons", Qualifier.MORE_THAN, Side.JOINT,
                Extent.range(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 5, 31)), Basis.FLOW,
                "where 1 268 IP professionals were matched with the application of online cloud technology");
        serialized = serializer.serialize(event, String.class);
        json = mapper.writeValueAsString(event);
        sealed = new SealedEvent(4711, "7c1f3f4e-0d7b-4c55-9a4e-1b9f6c2d8e01", "prog-1-p2", 117, "PlanPeriod",
                "2025-01-03T10:15:30.123Z", FigureRecorded.class.getName(), null, json,
                "{\"channel\":\"cli-import\",\"file\":\"06-figures.csv\",\"line\":18,\"role\":\"SECRETARIAT\"}");
        canonical = ("0".repeat(64) + "\n" + json + sealed.metaData()).getBytes(StandardCharsets.UTF_8);
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    public SerializedObject<String> serializeEvent() {
        return serializer.serialize(event, String.class);
    }

    @Benchmark
    public String serializeEventBaseline() throws Exception {
        return mapper.writeValueAsString(event);
    }

    @Benchmark
    public Object deserializeEvent() {
        return serializer.deserialize(serialized);
    }

    @Benchmark
    public Object deserializeEventBaseline() throws Exception {
        return mapper.readValue(json, FigureRecorded.class);
    }

    @Benchmark
    public String sealLink() {
        return sealed.leafHash();
    }

    @Benchmark
    public byte[] sealLinkBaseline() throws NoSuchAlgorithmException {
        return sha256.digest(canonical);
    }
}
