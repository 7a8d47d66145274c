package org.programmeledger.dashboards.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.output.OutputFiles;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.dashboards.LedgerApplication;
import org.programmeledger.dashboards.report.SummaryReport;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The server's automatic build leaves no output behind that does not match its provenance: a report whose PDF a
 * stopped server left at an earlier build, or without its provenance, is written again, HTML and PDF together.
 */
@SpringBootTest(classes = LedgerApplication.class, properties = {
        "ledger.store.directory=./target/test-stores/output-builds-${random.uuid}",
        "ledger.output.directory=target/output-builds-it-out"})
class OutputBuildsIT {

    private static final Path REPORT = Path.of("target/output-builds-it-out/report");
    private static final String PERIOD = "gdhk-ipr-2020-mid-2022";

    @Autowired
    LedgerImporter importer;
    @Autowired
    LedgerViews views;
    @Autowired
    OutputBuilds builds;

    @Test
    void aReportLeftHalfWrittenIsWrittenAgainWholeAndACurrentOneIsLeftAsItIs() throws Exception {
        assertThat(importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"),
                ImportListener.SILENT)).allMatch(ImportReport::accepted);
        views.awaitHead(Duration.ofSeconds(60));
        Path html = REPORT.resolve(SummaryReport.fileName(PERIOD));
        Path pdf = REPORT.resolve(SummaryReport.pdfFileName(PERIOD));
        Path pdfProvenance = pdf.resolveSibling(pdf.getFileName() + ".provenance.json");

        OutputBuilds.Built first = builds.buildAll().orElseThrow();
        byte[] written = Files.readAllBytes(pdf);
        OutputBuilds.Built again = builds.buildAll().orElseThrow();
        Files.write(pdf, "%PDF of an earlier build".getBytes());
        OutputBuilds.Built afterStalePdf = builds.buildAll().orElseThrow();
        byte[] rewritten = Files.readAllBytes(pdf);
        Files.delete(pdfProvenance);
        OutputBuilds.Built afterLostProvenance = builds.buildAll().orElseThrow();

        assertThat(first.failures()).isEmpty();
        assertThat(first.built()).isPositive();
        assertThat(html).exists();
        assertThat(again.built()).as("everything current").isZero();
        assertThat(afterStalePdf.built()).as("the report alone").isEqualTo(1);
        assertThat(rewritten).isEqualTo(written);
        assertThat(afterLostProvenance.built()).isEqualTo(1);
        assertThat(pdfProvenance).exists();
        assertThat(Files.readString(pdfProvenance)).contains(OutputFiles.sha256(pdf));
    }
}
