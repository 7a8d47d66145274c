package org.programmeledger.dashboards.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.analytics.jobs.LedgerJobs;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledger.web.Http;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many clients send commands over loopback for a bounded time and count; afterwards the events, the views,
 * the seal chain and the period summary agree exactly with what the clients were told was recorded. The
 * throughput and latencies are printed, never asserted (performance belongs to the benchmarks).
 *
 * <p>A longer soak runs the same test with more clients, commands and time:
 * {@code -Dledger.load.clients=32 -Dledger.load.commands=2000 -Dledger.load.seconds=900} (see the README).
 */
class LoadIT {

    private static final int CLIENTS = Integer.getInteger("ledger.load.clients", 16);
    /** Commands per client: an activity, then a figure of it, and so on. */
    private static final int COMMANDS = Integer.getInteger("ledger.load.commands", 60);
    private static final Duration LIMIT = Duration.ofSeconds(Integer.getInteger("ledger.load.seconds", 60));
    private static final String PERIOD = "/api/plan-periods/" + GeneratedProgramme.PERIOD;

    @TempDir
    Path home;

    @Test
    void whatTheClientsWereToldWasRecordedIsWhatTheEventsTheViewsTheChainAndTheSummarySay() throws Exception {
        try (ConfigurableApplicationContext server = LedgerServer.start(home)) {
            Http http = LedgerServer.http(server);
            for (Path file : GeneratedProgramme.write(home.resolve("data"), 0).subList(0, 4)) {
                assertThat(http.postCsv("/api/imports?name=" + file.getFileName(), Files.readString(file)).statusCode())
                        .isEqualTo(200);
            }
            Map<Integer, Integer> otherAnswers = new ConcurrentHashMap<>();
            Recorded recorded = new Recorded();
            long started = System.nanoTime();
            long deadline = started + LIMIT.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<long[]>> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client * COMMANDS / 2;
                clients.add(pool.submit(() -> send(http, first, deadline, recorded, otherAnswers)));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<long[]> client : clients) {
                Arrays.stream(client.get()).forEach(latencies::add);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            int commands = latencies.size();
            report(commands, seconds, latencies);

            assertThat(otherAnswers).as("answers other than 201").isEmpty();
            assertThat(commands).as("commands sent within %s", LIMIT).isPositive();
            JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
            long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            assertThat(count(jdbc, "ActivityRecorded")).isEqualTo(recorded.activities.get());
            assertThat(count(jdbc, "FigureRecorded")).isEqualTo(recorded.figures.get());
            VerifyReport chain = server.getBean(LedgerVerifier.class).verify();
            assertThat(chain.intact()).as(chain.toString()).isTrue();
            assertThat(chain.eventsChecked()).isEqualTo(events);

            server.getBean(LedgerViews.class).awaitHead(Duration.ofMinutes(2));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM view_activity", Long.class))
                    .isEqualTo(count(jdbc, "ActivityRecorded"));
            BigDecimal participants = jdbc.queryForObject("SELECT COALESCE(SUM(figure_value), 0) FROM view_figure",
                    BigDecimal.class);
            assertThat(participants).isEqualByComparingTo(BigDecimal.valueOf(recorded.participants.get()));

            server.getBean(LedgerJobs.class).run("period-summary", Map.of("period", GeneratedProgramme.PERIOD));
            Path csv = home.resolve("out").resolve("csv");
            String summary = "period-summary-" + GeneratedProgramme.PERIOD;
            assertThat(sum(csv.resolve(summary + "-activities.csv"), "activities")).isEqualByComparingTo(
                    BigDecimal.valueOf(recorded.activities.get()));
            assertThat(sum(csv.resolve(summary + ".csv"), "total")).isEqualByComparingTo(participants);
            assertThat(sum(csv.resolve(summary + ".csv"), "figures")).isEqualByComparingTo(
                    BigDecimal.valueOf(recorded.figures.get()));
        }
    }

    /** What the clients were told was recorded (201). */
    private static final class Recorded {
        final AtomicLong activities = new AtomicLong();
        final AtomicLong figures = new AtomicLong();
        final AtomicLong participants = new AtomicLong();
    }

    /** One client: activity n, then its figure, then activity n + 1, until its share is sent or time is up. */
    private static long[] send(Http http, int first, long deadline, Recorded recorded,
                               Map<Integer, Integer> otherAnswers) {
        long[] latencies = new long[COMMANDS];
        int sent = 0;
        while (sent < COMMANDS && System.nanoTime() < deadline) {
            int n = first + sent / 2;
            long start = System.nanoTime();
            HttpResponse<String> answer = sent % 2 == 0
                    ? http.post(PERIOD + "/activities", GeneratedProgramme.activityJson(n))
                    : http.post(PERIOD + "/figures", GeneratedProgramme.figureJson(n));
            latencies[sent] = System.nanoTime() - start;
            if (answer.statusCode() != 201) {
                otherAnswers.merge(answer.statusCode(), 1, Integer::sum);
            } else if (sent % 2 == 0) {
                recorded.activities.incrementAndGet();
            } else {
                recorded.figures.incrementAndGet();
                recorded.participants.addAndGet(n % 500 + 1);
            }
            sent++;
        }
        return Arrays.copyOf(latencies, sent);
    }

    private static long count(JdbcTemplate jdbc, String event) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                "org.programmeledger.ledger.api." + event);
    }

    private static BigDecimal sum(Path csv, String column) throws Exception {
        BigDecimal sum = BigDecimal.ZERO;
        for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv))) {
            sum = sum.add(new BigDecimal(row.get(column)));
        }
        return sum;
    }

    private static void report(int commands, double seconds, List<Long> latencies) {
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("LoadIT: %d commands from %d clients in %.1f s: %.0f commands/s; latency p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", commands, CLIENTS, seconds, commands / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double percentile(List<Long> sorted, double fraction) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1)) / 1e6;
    }
}
