package org.programmeledger.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.reads.JobReport;
import org.programmeledger.analytics.jobs.LedgerJobs;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.benchmarks.history.ImportFiles;
import org.programmeledger.benchmarks.history.SyntheticHistory;
import org.programmeledger.benchmarks.report.Result;
import org.programmeledger.benchmarks.run.BenchStore;
import org.programmeledger.benchmarks.run.HeapWatch;
import org.programmeledger.benchmarks.run.RunContext;
import org.programmeledger.benchmarks.run.StoreRun;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The harness measures what it says, on a small history in an H2 file store: the import records one event
 * per generated command, a replay gives back the same views, and the jobs' totals are the SQL baseline's,
 * which are in turn the totals of the generated figures. No timings are asserted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkloadsIT {

    private static final SyntheticHistory HISTORY = SyntheticHistory.ofAbout(7, 450);

    @TempDir
    static Path work;
    private static BenchStore store;
    private static ConfigurableApplicationContext app;
    private static RunContext run;
    private static final List<Result> results = new ArrayList<>();

    @BeforeAll
    static void start() {
        store = BenchStore.start("h2", work);
        app = StoreRun.start(store, work.resolve("out"));
        run = new RunContext(store, 450, "tuned", 1, HISTORY, app, work, new HeapWatch(), results::add);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        store.close();
    }

    @Test
    @Order(1)
    void theImportRecordsOneSealedEventPerGeneratedCommand() {
        ImportFiles.Written files = ImportFiles.write(HISTORY, work.resolve("import"), 150);

        long events = new ImportWorkload(run).bulk(files);

        assertThat(files.files()).hasSizeGreaterThan(5);
        assertThat(events).isEqualTo(HISTORY.commands().size()).isEqualTo(run.events());
        assertThat(app.getBean(LedgerVerifier.class).verify().eventsChecked()).isEqualTo(events);
        assertThat(results).extracting(Result::config).containsExactly("tuned", "baseline-jdbc-batch");
        assertThat(results.get(0).ratioToBaseline()).isPositive();
    }

    @Test
    @Order(2)
    void aReplayRebuildsTheViewsItStartedFrom() throws Exception {
        app.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(1));
        ViewsDigest.Digest before = digest();

        long replayed = new ReplayWorkload(run).rebuild();

        assertThat(replayed).isEqualTo(run.events());
        assertThat(digest()).isEqualTo(before);
        assertThat(before.rows()).isGreaterThan(HISTORY.periods() * (long) SyntheticHistory.FIGURES_PER_PERIOD);
        assertThat(ReplayWorkload.rawScan(run)).isEqualTo(replayed);
    }

    @Test
    @Order(3)
    void theJobsTotalsAreTheSqlBaselinesWhichAreTheGeneratedFigures() throws Exception {
        JobsWorkload jobs = new JobsWorkload(run);
        Map<String, BigDecimal> sql = jobs.sqlTotals("metric, unit, side, basis",
                "FROM view_figure WHERE retracted = FALSE");

        JobReport report = app.getBean(LedgerJobs.class).run("period-summary", Map.of("period", "1990-01-01..2040-12-31"));

        assertThat(JobsWorkload.summaryTotals(JobsWorkload.output(report, ".csv"))).isEqualTo(sql).isEqualTo(generatedTotals());
    }

    /** The totals of the figures as generated, corrections applied: what both the job and SQL must find. */
    private static Map<String, BigDecimal> generatedTotals() {
        Map<String, RecordFigure> figures = new HashMap<>();
        Map<String, BigDecimal> corrected = new HashMap<>();
        HISTORY.forEachCommand(command -> {
            if (command instanceof RecordFigure figure) {
                figures.put(figure.figureId(), figure);
            } else if (command instanceof CorrectFigure correction) {
                corrected.put(correction.figureId(), correction.value());
            }
        });
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (RecordFigure figure : figures.values()) {
            String key = figure.metric() + "|" + figure.unit() + "|" + figure.side().name() + "|" + figure.basis().name();
            totals.merge(key, corrected.getOrDefault(figure.figureId(), figure.value()), BigDecimal::add);
            totals.merge(key + "|figures", BigDecimal.ONE, BigDecimal::add);
        }
        totals.replaceAll((key, total) -> total.stripTrailingZeros());
        return totals;
    }

    private static ViewsDigest.Digest digest() throws Exception {
        try (Connection connection = store.connect()) {
            return ViewsDigest.of(connection);
        }
    }
}
