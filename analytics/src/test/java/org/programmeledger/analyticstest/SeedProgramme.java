package org.programmeledger.analyticstest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.programmeledger.analytics.views.LedgerViews;
import org.programmeledger.ledger.service.ImportListener;
import org.programmeledger.ledger.service.ImportReport;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.SeedData;
import org.programmeledger.ledger.store.RecordingMetaData;

/**
 * The setup of the job tests: the seed programme imported as the secretariat imports it, every file accepted,
 * and the views caught up with it. Importing it again into the same store records nothing.
 */
public final class SeedProgramme {

    /** Long enough for a machine loaded by other builds; a caught-up store returns at once. */
    private static final Duration VIEWS_WAIT = Duration.ofMinutes(2);

    private SeedProgramme() {
    }

    /** Records the seed programme and waits for the views; returns the views' position. */
    public static long record(LedgerImporter importer, LedgerViews views) throws TimeoutException,
            InterruptedException {
        assertThat(importer.importFiles(SeedData.files(), Map.of(RecordingMetaData.CHANNEL, "csv-import"),
                ImportListener.SILENT)).allMatch(ImportReport::accepted);
        return views.awaitHead(VIEWS_WAIT).position();
    }
}
