package org.programmeledger.benchmarks.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.programmeledger.benchmarks.history.SyntheticHistory;
import org.programmeledger.benchmarks.report.Result;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a workload runs against: the store, the running ledger on it, the history it holds, and where its
 * results go.
 *
 * @param repetitions measured repetitions of the workloads that can be repeated (after one warm-up)
 */
public record RunContext(BenchStore store, long size, String config, int repetitions, SyntheticHistory history,
                         ConfigurableApplicationContext app, Path work, HeapWatch heap, Consumer<Result> sink) {

    public <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return app.getBean(JdbcTemplate.class);
    }

    /** A result; a baseline measured in the out-of-box run is named so, apart from the tuned run's. */
    public Result result(String workload, String config, double opsPerSecond, double p50Millis, double p99Millis,
                         double peakHeapMib) {
        String named = config.startsWith("baseline") && !this.config.equals("tuned")
                ? config + "-in-" + this.config + "-run" : config;
        return new Result(workload, store.kind(), size, named, opsPerSecond, null, p50Millis, p99Millis, peakHeapMib);
    }

    public void emit(Result result) {
        sink.accept(result);
    }

    /** A line for the notes under the results table (results.md), kept beside this run's results. */
    public void note(String line) {
        progress(line);
        try {
            Files.writeString(work.resolve("notes.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void progress(String message) {
        System.out.printf("  [%s %,d %s] %s%n", store.kind(), size, config, message);
        System.out.flush();
    }

    public long events() {
        Long count = jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
