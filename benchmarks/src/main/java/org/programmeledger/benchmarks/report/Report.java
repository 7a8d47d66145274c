package org.programmeledger.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Writes a run's results: {@code results.csv} (the columns the issue names), {@code results.md} (the same
 * as a Markdown table, with the machine and the time) and {@code throughput.png} (throughput of each
 * end-to-end workload against history size). Each file is written whole to a temporary name and renamed.
 */
public final class Report {

    private static final Comparator<Result> ORDER = Comparator.comparing(Result::workload)
            .thenComparing(Result::store).thenComparingLong(Result::size)
            .thenComparing(result -> result.baseline() ? 1 : 0).thenComparing(Result::config);

    private Report() {
    }

    public static void write(Path folder, List<Result> results, List<String> notes, boolean quick) {
        List<Result> sorted = results.stream().sorted(ORDER).toList();
        StringBuilder csv = new StringBuilder(Result.HEADER).append('\n');
        sorted.forEach(result -> csv.append(result.csv()).append('\n'));
        replace(folder.resolve("results.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        replace(folder.resolve("results.md"), markdown(sorted, notes, quick).getBytes(StandardCharsets.UTF_8));
        try {
            Path png = Files.createTempFile(folder, ".throughput", ".tmp");
            ChartUtils.saveChartAsPNG(png.toFile(), throughputChart(sorted), 1000, 600);
            Files.move(png, folder.resolve("throughput.png"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(List<Result> results, List<String> notes, boolean quick) {
        StringBuilder md = new StringBuilder("# Benchmark results (" + (quick ? "bin/bench --quick" : "bin/bench") + ")\n\n");
        md.append(String.format(Locale.ROOT, "Written %s on %d cores, %s, Java %s (%s); load average at the end %.2f.%n%n",
                Instant.now().toString().substring(0, 19) + "Z", Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        md.append("| workload | store | size | config | ops/s | ratio to baseline | p50 ms | p99 ms | peak heap MiB |\n");
        md.append("|---|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (Result result : results) {
            String[] cells = result.csv().split(",", -1);
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        md.append("\nEach end-to-end workload, with the processor time its JVM had (a JVM that got half a core ran at "
                + "about half speed):\n\n");
        notes.forEach(note -> md.append("- ").append(note).append('\n'));
        return md.toString();
    }

    /** Throughput of every end-to-end workload in the project's configuration, per store, against history size. */
    static JFreeChart throughputChart(List<Result> results) {
        Map<String, XYSeries> series = new TreeMap<>();
        for (Result result : results) {
            if (result.store().equals("none") || !result.config().equals("tuned")) {
                continue;
            }
            series.computeIfAbsent(result.workload() + " (" + result.store() + ")", XYSeries::new)
                    .add(result.size(), result.opsPerSecond());
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        series.values().forEach(dataset::addSeries);
        LogAxis size = decades("History size (events)");
        LogAxis throughput = decades("Throughput (events, records or commands per second)");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(dataset, size, throughput, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Throughput against history size", new Font(Font.SANS_SERIF, Font.BOLD, 16),
                plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle("Medians; tuned configuration; 512 MiB heap; a shared 2-core machine",
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        return chart;
    }

    /** A logarithmic axis with a tick at each power of ten, labelled as a plain number. */
    private static LogAxis decades(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ENGLISH));
        return axis;
    }

    private static String cpuModel() {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/proc/cpuinfo")));
            return lines.stream().filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static void replace(Path file, byte[] content) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
