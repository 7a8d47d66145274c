package org.programmeledger.ledger.importing;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/imports}: one CSV file of the import format, recorded whole or not at all. */
@RestController
class ImportController {

    private final LedgerImporter importer;

    ImportController(LedgerImporter importer) {
        this.importer = importer;
    }

    /** What an import did, as the API shows it. */
    record ImportAnswer(String file, String format, int rows, long eventsRecorded, boolean accepted,
                        List<RowProblem> problems) {

        static ImportAnswer of(String name, ImportReport report) {
            return new ImportAnswer(name, report.format() == null ? null : report.format().label(), report.rows(),
                    report.eventsRecorded(), report.accepted(), report.problems());
        }
    }

    /** What importing the file would do, as the API shows it. */
    record DryRunAnswer(String file, String format, int rows, boolean accepted, long events,
                        List<DryRunReport.EventCount> wouldRecord, List<Long> alreadyRecorded,
                        List<RowProblem> problems) {

        static DryRunAnswer of(String name, DryRunReport report) {
            return new DryRunAnswer(name, report.format() == null ? null : report.format().label(), report.rows(),
                    report.accepted(), report.events(), report.wouldRecord(), report.alreadyRecorded(),
                    report.problems());
        }
    }

    /** Longer names are cut from the front, so that the extension stays; file systems allow 255 bytes. */
    private static final int MAX_NAME = 100;

    /** The client's file name is kept for the audit trail, but never used as a path. */
    private static String safeName(String name) {
        String base = name.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.length() > MAX_NAME) {
            base = base.substring(base.length() - MAX_NAME);
        }
        return base.isBlank() || base.startsWith(".") ? "upload.csv" : base;
    }

    @Operation(summary = "Import one CSV file of the import format (Content-Type: text/csv); with dryRun=true, "
            + "say what it would record, recording nothing")
    @PostMapping(path = "/api/imports", consumes = "text/csv")
    ResponseEntity<?> importCsv(InputStream body, @RequestParam(name = "name", defaultValue = "upload.csv") String name,
                                @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun)
            throws IOException {
        String fileName = safeName(name);
        Path folder = Files.createTempDirectory("ledger-import-");
        Path file = folder.resolve(fileName);
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            if (dryRun) {
                DryRunReport report = importer.dryRun(List.of(file), Map.of(RecordingMetaData.CHANNEL, "http-import"))
                        .get(0);
                return ResponseEntity.status(report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(DryRunAnswer.of(fileName, report));
            }
            ImportReport report = importer.importFile(file, Map.of(RecordingMetaData.CHANNEL, "http-import"));
            return ResponseEntity.status(report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(ImportAnswer.of(fileName, report));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }
}
