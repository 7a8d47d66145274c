package org.programmeledger.ledger.architecture;

import org.programmeledger.ledger.importing.DryRunAnswer;
import org.programmeledger.ledger.importing.DryRunReport;
import org.programmeledger.ledger.importing.ImportAnswer;
import org.programmeledger.ledger.importing.ImportFormat;
import org.programmeledger.ledger.importing.ImportListener;
import org.programmeledger.ledger.importing.ImportReport;
import org.programmeledger.ledger.importing.ImportUpdate;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.sealing.SealedEvent;
import org.programmeledger.ledger.store.LedgerTransactions;

/** What the other modules may use of the ledger. */
public final class LedgerSurface {

    /**
     * The messages ({@code api}); the queries and services ({@code facade}), one class per capability delegating
     * to the components inside; the answers they give and the helpers every module shares ({@code service}, which
     * depends on nothing of the ledger but {@code api}, {@code proof} and {@code hashing}, so that the components
     * can return its records); the proof format with its stand-alone verifier ({@code proof}) and the one way to
     * hash ({@code hashing}). The classes listed are those other modules still reach into: move them behind
     * {@code facade}, never add one.
     */
    public static final ModuleSurface LEDGER = new ModuleSurface("ledger",
            new String[] {"api", "facade", "service", "proof", "hashing"},
            DryRunAnswer.class, DryRunReport.class, ImportAnswer.class, ImportFormat.class, ImportListener.class,
            ImportReport.class, ImportUpdate.class, LedgerImporter.class, SealedEvent.class, LedgerTransactions.class);

    private LedgerSurface() {
    }
}
