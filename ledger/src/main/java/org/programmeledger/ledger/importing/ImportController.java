package org.programmeledger.ledger.importing;

import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.programmeledger.ledger.service.DryRunAnswer;
import org.programmeledger.ledger.service.DryRunReport;
import org.programmeledger.ledger.service.ImportAnswer;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.service.ImportUpdate;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/imports}: one CSV file of the import format, recorded whole or not at all. */
@RestController
class ImportController {

    private static final Map<String, String> RECORDED_BY = Map.of(RecordingMetaData.CHANNEL, "http-import");
    /** At most about this many progress lines per file. */
    private static final int PROGRESS_LINES = 100;

    private final LedgerImporter importer;
    private final ObjectMapper json;

    ImportController(LedgerImporter importer, ObjectMapper json) {
        this.importer = importer;
        this.json = json;
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
            + "say what it would record, recording nothing; with Accept: application/x-ndjson, stream the rows done "
            + "as they go, then the answer, as lines of JSON")
    @PostMapping(path = "/api/imports", consumes = "text/csv")
    ResponseEntity<?> importCsv(InputStream body, @RequestParam(name = "name", defaultValue = "upload.csv") String name,
                                @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
                                @RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "") String accept,
                                HttpServletResponse response) throws IOException {
        String fileName = safeName(name);
        Path folder = Files.createTempDirectory("ledger-import-");
        Path file = folder.resolve(fileName);
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            if (accept.contains(ImportUpdate.MEDIA_TYPE)) {
                stream(file, fileName, dryRun, response);
                return null;
            }
            if (dryRun) {
                DryRunReport report = importer.dryRun(List.of(file), RECORDED_BY).get(0);
                return ResponseEntity.status(report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                        .body(DryRunAnswer.of(fileName, report));
            }
            ImportReport report = importer.importFile(file, RECORDED_BY);
            return ResponseEntity.status(report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(ImportAnswer.of(fileName, report));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    /**
     * Written as the import goes, flushed line by line, in the request's own thread (an import may take longer than
     * an asynchronous request may). The status is sent before the outcome is known, so it is 200; the last line
     * says whether the file was accepted.
     */
    private void stream(Path file, String fileName, boolean dryRun, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(ImportUpdate.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        ImportListener progress = new ImportListener() {
            @Override
            public void rowDone(Path ignored, int done, int total) {
                if (done == total || done % Math.max(1, total / PROGRESS_LINES) == 0) {
                    write(out, new ImportUpdate(new ImportUpdate.RowsDone(fileName, done, total), null, null));
                }
            }
        };
        write(out, dryRun
                ? new ImportUpdate(null, null, DryRunAnswer.of(fileName,
                        importer.dryRun(List.of(file), RECORDED_BY, progress).get(0)))
                : new ImportUpdate(null, ImportAnswer.of(fileName, importer.importFile(file, RECORDED_BY, progress)),
                        null));
    }

    private void write(OutputStream out, ImportUpdate update) {
        try {
            out.write(json.writeValueAsBytes(update));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
