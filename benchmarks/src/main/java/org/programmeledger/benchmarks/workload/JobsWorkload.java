package org.programmeledger.benchmarks.workload;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.programmeledger.analytics.reads.JobReport;
import org.programmeledger.analytics.facade.Jobs;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.benchmarks.report.Result;
import org.programmeledger.benchmarks.run.Repeat;
import org.programmeledger.benchmarks.run.RunContext;

/**
 * W3: the period-summary job over the whole history and the trend-series job of one metric, against the
 * same totals computed by one SQL GROUP BY; the totals must agree. Throughput is in figure records read.
 * Each repetition names a range of days that ends one day later (after every figure), so that it is a
 * new job instance rather than one already built.
 */
public final class JobsWorkload {

    public static final String SUMMARY = "W3-period-summary";
    public static final String TREND = "W3-trend-series";
    public static final String TREND_METRIC = "participants";
    private static final String FIGURES_NOW = "FROM view_figure WHERE retracted = FALSE";

    private final RunContext run;
    private final AtomicInteger instance = new AtomicInteger();

    public JobsWorkload(RunContext run) {
        this.run = run;
    }

    public void measure() throws Exception {
        // Under load the views were still projecting the import when the SQL totals were taken, and the job,
        // run later, counted more figures than they (round 7, 10^4 at load 50).
        run.bean(ReadModels.class).awaitHead(Duration.ofMinutes(30));
        long figures = count(FIGURES_NOW);
        Map<String, BigDecimal> sqlSummary = sqlTotals("metric, unit, side, basis", FIGURES_NOW);
        run.heap().reset();
        AtomicReference<JobReport> built = new AtomicReference<>();
        AtomicReference<Map<String, BigDecimal>> jobTotals = new AtomicReference<>();
        Repeat.Measured summary = Repeat.measure(run.repetitions(), timed("period-summary", () -> {
            built.set(run.bean(Jobs.class).run("period-summary", Map.of("period", "1990-01-01.." + day())));
            return figures;
        }), () -> jobTotals.set(summaryTotals(output(built.get(), ".csv"))));
        requireEqual("period-summary", jobTotals.get(), sqlSummary);
        Result summaryResult = run.result(SUMMARY, run.config(), summary.opsPerSecond(), summary.p50Millis(),
                summary.p99Millis(), run.heap().peakMib());

        String metricFigures = FIGURES_NOW + " AND metric = '" + TREND_METRIC + "'";
        long trendFigures = count(metricFigures);
        Map<String, BigDecimal> sqlTrend = sqlTotals("metric, unit", metricFigures);
        run.heap().reset();
        Repeat.Measured trend = Repeat.measure(run.repetitions(), timed("trend-series", () -> {
            built.set(run.bean(Jobs.class).run("trend-series",
                    Map.of("metric", TREND_METRIC, "bucket", "year", "from", "1990-01-" + day().substring(8))));
            return trendFigures;
        }), () -> jobTotals.set(trendTotals(output(built.get(), ".csv"))));
        requireEqual("trend-series", jobTotals.get(), sqlTrend);
        Result trendResult = run.result(TREND, run.config(), trend.opsPerSecond(), trend.p50Millis(), trend.p99Millis(),
                run.heap().peakMib());

        run.heap().reset();
        Repeat.Measured groupBy = Repeat.measure(run.repetitions(), timed("period-summary's GROUP BY", () -> {
            sqlTotals("metric, unit, side, basis", FIGURES_NOW);
            return figures;
        }));
        Result summaryBaseline = run.result(SUMMARY, "baseline-sql-group-by", groupBy.opsPerSecond(),
                groupBy.p50Millis(), groupBy.p99Millis(), run.heap().peakMib());
        run.heap().reset();
        Path lineGrainFile = run.work().resolve("baseline-line-grain.csv");
        Repeat.Measured lineGrain = Repeat.measure(run.repetitions(), timed("period-summary's lines in SQL to CSV",
                () -> {
                    sqlLinesToCsv(lineGrainFile);
                    return figures;
                }));
        Result lineGrainBaseline = run.result(SUMMARY, "baseline-sql-line-grain-csv", lineGrain.opsPerSecond(),
                lineGrain.p50Millis(), lineGrain.p99Millis(), run.heap().peakMib());
        run.heap().reset();
        Repeat.Measured trendGroupBy = Repeat.measure(run.repetitions(), timed("trend-series' GROUP BY", () -> {
            sqlTotals("metric, unit", metricFigures);
            return trendFigures;
        }));
        Result trendBaseline = run.result(TREND, "baseline-sql-group-by", trendGroupBy.opsPerSecond(),
                trendGroupBy.p50Millis(), trendGroupBy.p99Millis(), run.heap().peakMib());
        run.progress(String.format("jobs: period-summary %.0f figures/s, trend-series %.0f/s; totals equal SQL's",
                summaryResult.opsPerSecond(), trendResult.opsPerSecond()));
        run.emit(summaryResult.withRatioTo(summaryBaseline));
        run.emit(summaryBaseline);
        run.emit(lineGrainBaseline);
        run.emit(trendResult.withRatioTo(trendBaseline));
        run.emit(trendBaseline);
    }

    /**
     * The work, noting after its last run the least processor time of a run (warm-up included): on a loaded machine
     * the wall clock measures the machine. The JVM's time and the measuring thread's; on PostgreSQL the server's work
     * is in neither.
     */
    private Repeat.Work timed(String what, Repeat.Work work) {
        int runs = run.repetitions() > 1 ? run.repetitions() + 1 : run.repetitions();
        long[] least = {Long.MAX_VALUE, Long.MAX_VALUE};
        int[] done = {0};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return () -> {
            long jvm = ImportWorkload.processCpuNanos();
            long thread = threads.getCurrentThreadCpuTime();
            long operations = work.run();
            least[0] = Math.min(least[0], ImportWorkload.processCpuNanos() - jvm);
            least[1] = Math.min(least[1], threads.getCurrentThreadCpuTime() - thread);
            if (++done[0] == runs) {
                run.note(String.format(Locale.ROOT, "W3 %s %s %,d: %.1f ms of this JVM's processor time per run, %.1f ms "
                        + "of the measuring thread's (least of %d runs), machine load average %.1f", what,
                        run.store().kind(), run.size(), least[0] / 1e6, least[1] / 1e6, runs,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            }
            return operations;
        };
    }

    /** A day of December 2040 that no earlier repetition used: {@code 2040-12-DD}. */
    private String day() {
        return String.format("2040-12-%02d", 1 + instance.getAndIncrement() % 28);
    }

    private long count(String from) {
        Long count = run.jdbc().queryForObject("SELECT COUNT(*) " + from, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The SQL baseline: the sum and count of figures per key, in one GROUP BY. Each call binds another
     * lower bound below every value, because H2 answers a repeated query with unchanged parameters on
     * unchanged tables from its last result.
     */
    Map<String, BigDecimal> sqlTotals(String key, String from) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        run.jdbc().query("SELECT " + key.replace(", ", " || '|' || ") + " AS k, SUM(figure_value), COUNT(*) " + from
                + " AND figure_value > ? GROUP BY " + key, row -> {
                    totals.put(row.getString(1), row.getBigDecimal(2).stripTrailingZeros());
                    totals.put(row.getString(1) + "|figures", BigDecimal.valueOf(row.getLong(3)).stripTrailingZeros());
                }, -1 - instance.getAndIncrement());
        return totals;
    }

    /**
     * The second baseline, beside the first and never instead of it: the figures grouped at the summary's own grain
     * (its line key: placement, plan period, item, metric, unit, side, basis, aggregation), each line's sum, count,
     * extent and ordered figure ids read with plain JDBC and written as CSV lines to a file. How far the job is from
     * the database's speed for about the same output, where the first baseline writes 42 rows.
     */
    void sqlLinesToCsv(Path file) throws IOException, SQLException {
        String ids = run.store().postgres() ? "STRING_AGG(figure_id, ';' ORDER BY figure_id)"
                : "LISTAGG(figure_id, ';') WITHIN GROUP (ORDER BY figure_id)";
        String key = "spanning, period_id, COALESCE(item_number, 0), metric, unit, side, basis, aggregation";
        String sql = "SELECT " + key + ", SUM(figure_value), COUNT(*), MIN(extent_start), MAX(extent_end), " + ids
                + " FROM (SELECT f.*, CASE WHEN extent_start >= DATE '1990-01-01' AND extent_end <= DATE '2040-12-31' "
                + "THEN 0 ELSE 1 END AS spanning " + FIGURES_NOW.replace("FROM view_figure", "FROM view_figure f")
                + " AND figure_value > ?) q GROUP BY " + key + " ORDER BY " + key;
        // Streamed as the job's cursor is: PostgreSQL fetches in parts only inside a transaction.
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter lines = new CSVPrinter(writer, CSVFormat.RFC4180);
             Connection connection = run.jdbc().getDataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(1_000);
                statement.setInt(1, -1 - instance.getAndIncrement());
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        for (int column = 1; column <= 13; column++) {
                            lines.print(row.getString(column));
                        }
                        lines.println();
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    static Path output(JobReport report, String suffix) {
        if (!"COMPLETED".equals(report.status())) {
            throw new IllegalStateException(report.describe());
        }
        return report.outputs().stream().map(Path::of).filter(path -> path.getFileName().toString().endsWith(suffix))
                .filter(path -> !path.getFileName().toString().matches(".*-(breakdown|activities|items)\\.csv"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no output of " + report.describe()));
    }

    /** The job's totals per metric, unit, side and basis, summed over its items and placements. */
    static Map<String, BigDecimal> summaryTotals(Path csv) throws IOException {
        return totals(csv, line -> line.get("metric") + "|" + line.get("unit") + "|" + side(line.get("side")) + "|"
                + line.get("basis").toUpperCase());
    }

    /** The trend's totals per metric and unit, over its buckets and its spanning lines. */
    static Map<String, BigDecimal> trendTotals(Path csv) throws IOException {
        return totals(csv, line -> line.get("metric") + "|" + line.get("unit"));
    }

    private static String side(String code) {
        return code.toUpperCase().replace('-', '_');
    }

    private interface Key {
        String of(CSVRecord line);
    }

    private static Map<String, BigDecimal> totals(Path csv, Key key) throws IOException {
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser lines = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord line : lines) {
                String k = key.of(line);
                totals.merge(k, new BigDecimal(line.get("total")), BigDecimal::add);
                totals.merge(k + "|figures", new BigDecimal(line.get("figures")), BigDecimal::add);
            }
        }
        totals.replaceAll((k, total) -> total.stripTrailingZeros());
        return totals;
    }

    private static void requireEqual(String job, Map<String, BigDecimal> byJob, Map<String, BigDecimal> bySql) {
        if (!byJob.equals(bySql)) {
            throw new IllegalStateException(job + " totals differ from SQL's GROUP BY: job " + byJob + ", SQL " + bySql);
        }
    }
}
