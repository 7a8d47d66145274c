package org.programmeledger.ledger.facade;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.service.DryRunReport;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.springframework.stereotype.Component;

/** The import of CSV files (docs/import-format.md): each file recorded whole or not at all. */
@Component
public class Imports {

    private final LedgerImporter importer;

    Imports(LedgerImporter importer) {
        this.importer = importer;
    }

    /** The files in the order the importer records them, which is the order their formats require. */
    public static List<Path> inRecordingOrder(List<Path> files) {
        return LedgerImporter.inRecordingOrder(files);
    }

    /**
     * Imports files in the order their formats require, each in its own transaction, and stops at the first file
     * refused, since later files name what it should have recorded.
     *
     * @param recordedBy metadata for every command: at least the channel, and the user where the sender is not a
     *                   signed-in HTTP user
     */
    public List<ImportReport> importFiles(List<Path> files, Map<String, ?> recordedBy, ImportListener listener) {
        return importer.importFiles(files, recordedBy, listener);
    }

    /** What importing the files would do, writing nothing; {@code listener} hears every row tried. */
    public List<DryRunReport> dryRun(List<Path> files, Map<String, ?> recordedBy, ImportListener listener) {
        return importer.dryRun(files, recordedBy, listener);
    }
}
