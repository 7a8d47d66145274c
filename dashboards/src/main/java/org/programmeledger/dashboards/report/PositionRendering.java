package org.programmeledger.dashboards.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.programmeledger.analytics.facade.Jobs;
import org.programmeledger.dashboards.LedgerApplication;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.facade.ReadModels;
import org.programmeledger.ledger.api.PublishedFile;
import org.programmeledger.ledger.facade.Sealing;
import org.programmeledger.ledger.facade.LedgerPosition;
import org.programmeledger.ledger.facade.Transfers;
import org.springframework.batch.core.Job;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Renders a plan period's report and summary CSV files as the ledger stood at a past position. The events
 * up to that position, with their seals, are loaded into a fresh, temporary ledger, where the same views,
 * jobs and report as always run on them: the same position gives the same bytes, whatever came after.
 */
@Component
public class PositionRendering {

    private static final Duration VIEWS_TIMEOUT = Duration.ofMinutes(10);

    private final Transfers export;
    private final LedgerPosition head;
    private final Environment environment;
    private final Sealing sequencer;

    PositionRendering(Transfers export, LedgerPosition head, Environment environment, Sealing sequencer) {
        this.export = export;
        this.head = head;
        this.environment = environment;
        this.sequencer = sequencer;
    }

    /** Writes the files into {@code folder} and returns them, each with its SHA-256, in path order. */
    public List<PublishedFile> render(String periodId, long position, Path folder) throws IOException {
        long now = head.position();
        if (position < 1 || position > now) {
            throw new IllegalArgumentException("ledger position " + position + " is not in the ledger, which runs "
                    + "from 1 to " + now);
        }
        // The export holds sealed events only: rendering below an unsealed position would leave events out.
        sequencer.requireSealed(position, "rendering plan period " + periodId + " at position " + position);
        Path work = Files.createTempDirectory("ledger-at-" + position + "-");
        try {
            Path events = work.resolve("events.jsonl");
            try (Writer out = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
                export.export(out, position, written -> {
                });
            }
            try (ConfigurableApplicationContext ledger = inMemoryLedger(work, folder)) {
                ledger.getBean(Transfers.class).load(events, loaded -> {
                });
                ledger.getBean(ReadModels.class).awaitHead(VIEWS_TIMEOUT);
                ledger.getBean(Jobs.class).run(ledger.getBean("periodSummaryJob", Job.class),
                        Map.of("period", periodId));
                ledger.getBean(SummaryReport.class).write(periodId, folder.resolve("report"));
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the views of the ledger at position " + position + " did not catch up: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering at position " + position, e);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
        return files(folder);
    }

    /** The files under a folder with their sums, paths relative to it with forward slashes. */
    public static List<PublishedFile> files(Path folder) throws IOException {
        List<PublishedFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                files.add(new PublishedFile(folder.relativize(file).toString().replace('\\', '/'),
                        OutputFiles.sha256(file), Files.size(file)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files.stream().sorted(Comparator.comparing(PublishedFile::path)).toList();
    }

    /**
     * A second application on a temporary H2 file (on disk, so a long history does not fill the heap),
     * writing its outputs into the target folder. It shares this process's logging rather than setting it
     * up again (and tearing it down when it closes).
     */
    private ConfigurableApplicationContext inMemoryLedger(Path work, Path folder) {
        String url = "jdbc:h2:file:" + work.toAbsolutePath().resolve("ledger");
        SpringApplication application = new SpringApplicationBuilder(LedgerApplication.class)
                .logStartupInfo(false).build();
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        return application.run(
                "--ledger.home=" + environment.getProperty("ledger.home", "."),
                "--ledger.store.directory=" + work.toAbsolutePath(),
                "--ledger.output.directory=" + folder.toAbsolutePath(),
                "--spring.main.web-application-type=none",
                "--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--spring.flyway.url=" + url, "--spring.flyway.user=sa", "--spring.flyway.password=",
                "--ledger.jobs.scheduling=false",
                // A throwaway ledger: its key and witness stay in its folder and go with it.
                "--ledger.sealing.key-file=" + work.toAbsolutePath().resolve("rendering.ed25519"),
                "--ledger.sealing.witness-directory=" + work.toAbsolutePath().resolve("witness"));
    }
}
