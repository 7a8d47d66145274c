package org.programmeledger.benchmarks.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import org.programmeledger.benchmarks.micro.ChartBenchmark;
import org.programmeledger.benchmarks.micro.CodecBenchmark;
import org.programmeledger.benchmarks.report.Result;

/**
 * Runs the JMH benchmarks (charts, serialization, hashing) in one forked JVM with the measuring heap, and
 * turns each into a result line: throughput from the mean time per operation, p50 and p99 from JMH's
 * sampled times, and the ratio to the benchmark's baseline method measured in the same run.
 */
public final class MicroRun {

    /** Benchmark method, then the workload it measures (and of its baseline, the same workload). */
    private static final Map<String, String> WORKLOADS = Map.ofEntries(
            Map.entry("trendChartPng", "W4-trend-chart-png"),
            Map.entry("trendChartSvg", "W4-trend-chart-svg"),
            Map.entry("stackedBarChartPng", "W4-stacked-bar-chart-png"),
            Map.entry("stackedBarChartSvg", "W4-stacked-bar-chart-svg"),
            Map.entry("polylineBaseline", "W4-polyline"),
            Map.entry("serializeEvent", "micro-serialize-event"),
            Map.entry("serializeEventBaseline", "micro-serialize-event"),
            Map.entry("deserializeEvent", "micro-deserialize-event"),
            Map.entry("deserializeEventBaseline", "micro-deserialize-event"),
            Map.entry("sealLink", "micro-seal-link"),
            Map.entry("sealLinkBaseline", "micro-seal-link"));

    private MicroRun() {
    }

    public static List<Result> run(boolean quick, String config) throws RunnerException {
        // --quick draws charts of 10 and 1 000 points only, to stay short: at 100 000 a render takes 0.2 s.
        String[] points = quick ? new String[] {"10", "1000"} : new String[] {"10", "1000", "100000"};
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include(ChartBenchmark.class.getName())
                .include(CodecBenchmark.class.getName())
                .param("points", points)
                .forks(1)
                .jvmArgs("-Xmx512m", "-Djava.awt.headless=true")
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(quick ? TimeValue.milliseconds(500) : TimeValue.seconds(2))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(quick ? TimeValue.milliseconds(500) : TimeValue.seconds(2))
                .build()).run();
        List<Result> results = new ArrayList<>();
        for (RunResult run : runs) {
            String method = run.getParams().getBenchmark().substring(run.getParams().getBenchmark().lastIndexOf('.') + 1);
            long size = Optional.ofNullable(run.getParams().getParam("points")).map(Long::parseLong).orElse(1L);
            Statistics times = run.getPrimaryResult().getStatistics();
            boolean baseline = method.endsWith("Baseline");
            String baselineName = method.equals("polylineBaseline") ? "baseline-graphics2d-polyline"
                    : method.startsWith("seal") ? "baseline-sha256" : "baseline-object-mapper";
            results.add(new Result(WORKLOADS.get(method), "none", size, baseline ? baselineName : config,
                    1000.0 / times.getMean(), null, times.getPercentile(50), times.getPercentile(99), null));
        }
        return withRatios(results);
    }

    /** Each chart against the polyline of as many points; each codec method against its own baseline. */
    private static List<Result> withRatios(List<Result> results) {
        List<Result> rated = new ArrayList<>();
        for (Result result : results) {
            if (result.baseline()) {
                rated.add(result);
                continue;
            }
            String baselineWorkload = result.workload().startsWith("W4-") ? "W4-polyline" : result.workload();
            rated.add(results.stream().filter(other -> other.baseline() && other.workload().equals(baselineWorkload)
                            && other.size() == result.size()).findFirst()
                    .map(result::withRatioTo).orElse(result));
        }
        return rated;
    }
}
