package org.programmeledger.ledger.architecture;

import org.programmeledger.ledger.audit.AsOf;
import org.programmeledger.ledger.audit.AuditEntry;
import org.programmeledger.ledger.audit.AuditExport;
import org.programmeledger.ledger.audit.AuditTrail;
import org.programmeledger.ledger.backup.StoreBackup;
import org.programmeledger.ledger.identity.LedgerRole;
import org.programmeledger.ledger.importing.DryRunAnswer;
import org.programmeledger.ledger.importing.DryRunReport;
import org.programmeledger.ledger.importing.ImportAnswer;
import org.programmeledger.ledger.importing.ImportFormat;
import org.programmeledger.ledger.importing.ImportListener;
import org.programmeledger.ledger.importing.ImportReport;
import org.programmeledger.ledger.importing.ImportUpdate;
import org.programmeledger.ledger.importing.LedgerImporter;
import org.programmeledger.ledger.importing.RowProblem;
import org.programmeledger.ledger.proof.Checkpoint;
import org.programmeledger.ledger.proof.ProofFile;
import org.programmeledger.ledger.proof.ProofVerifier;
import org.programmeledger.ledger.proof.SignedCheckpoint;
import org.programmeledger.ledger.proving.HeldCheckpoint;
import org.programmeledger.ledger.proving.Prover;
import org.programmeledger.ledger.publication.PublicationDiff;
import org.programmeledger.ledger.publication.Publications;
import org.programmeledger.ledger.sealing.Digest;
import org.programmeledger.ledger.sealing.FolderWitness;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.sealing.SealedEvent;
import org.programmeledger.ledger.sealing.SealingSettings;
import org.programmeledger.ledger.sealing.Sequencer;
import org.programmeledger.ledger.sealing.SigningKey;
import org.programmeledger.ledger.sealing.SigningKeyRegistrar;
import org.programmeledger.ledger.sealing.VerifyReport;
import org.programmeledger.ledger.store.EventStoreSettings;
import org.programmeledger.ledger.store.LedgerEvents;
import org.programmeledger.ledger.store.LedgerHead;
import org.programmeledger.ledger.store.LedgerTransactions;
import org.programmeledger.ledger.store.LedgerEvents;
import org.programmeledger.ledger.store.RecordedEvent;
import org.programmeledger.ledger.transfer.ExportRefused;
import org.programmeledger.ledger.transfer.LedgerEventImport;
import org.programmeledger.ledger.transfer.LedgerExport;

/** What the other modules may use of the ledger. */
public final class LedgerSurface {

    /**
     * The messages ({@code api}), the queries and services ({@code service}) and the one way to hash
     * ({@code hashing}). The classes listed are those
     * other modules reached into before the surface existed: move them behind {@code service}, never add one;
     * the typed event reader ({@code LedgerEvents}, {@code RecordedEvent}) is there for issue #22's readers to
     * move onto from their Map payloads, until it moves behind {@code service} with them.
     */
    public static final ModuleSurface LEDGER = new ModuleSurface("ledger", new String[] {"api", "service", "hashing"},
            AsOf.class, AuditEntry.class, AuditExport.class, AuditTrail.class, StoreBackup.class,
            LedgerRole.class, DryRunAnswer.class, DryRunReport.class, ImportAnswer.class, ImportFormat.class,
            ImportListener.class, ImportReport.class, ImportUpdate.class,
            LedgerImporter.class, RowProblem.class, Checkpoint.class, ProofFile.class, ProofVerifier.class,
            SignedCheckpoint.class, HeldCheckpoint.class, Prover.class, PublicationDiff.class, Publications.class,
            Digest.class, FolderWitness.class, LedgerVerifier.class, SealedEvent.class, SealingSettings.class,
            Sequencer.class, SigningKey.class, SigningKeyRegistrar.class, SigningKeyRegistrar.Registration.class,
            VerifyReport.class, LedgerHead.class, LedgerTransactions.class, RecordedEvent.class,
            EventStoreSettings.class, LedgerEvents.class, ExportRefused.class,
            LedgerEventImport.class, LedgerExport.class);

    private LedgerSurface() {
    }
}
