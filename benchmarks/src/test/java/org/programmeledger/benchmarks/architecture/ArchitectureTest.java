package org.programmeledger.benchmarks.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.architecture.AnalyticsSurface;
import org.programmeledger.ledger.architecture.LedgerSurface;
import org.programmeledger.ledger.architecture.ModuleSurface;
import org.programmeledger.ledger.sealing.SealedEvent;
import org.programmeledger.ledger.store.LedgerTransactions;

/** The benchmarks drive the application through the modules' surfaces, and their packages form no cycle. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ModuleSurface.mainClasses();

    /** The workloads take the run's context and the run starts the workloads: the one known cycle, to break. */
    @Test
    void theBenchmarksPackagesFormNoOtherCycle() {
        ModuleSurface.noPackageCycles().ignoreDependency(resideInAPackage("org.programmeledger.benchmarks.workload.."),
                resideInAPackage("org.programmeledger.benchmarks.run..")).check(CLASSES);
    }

    /**
     * Two harness-only reaches, on purpose: the codec micro-benchmark measures how a sealed row is encoded
     * ({@code SealedEvent}), and the bulk import workload times a whole file in one transaction
     * ({@code LedgerTransactions}) against the importer's own, which no user of the ledger may do.
     */
    @Test
    void theBenchmarksUseOnlyTheModulesSurfacesAndTwoMeasuredInternals() {
        ModuleSurface.usesOnlySurfaces("benchmarks", LedgerSurface.LEDGER.with(SealedEvent.class,
                LedgerTransactions.class, LedgerTransactions.Outcome.class), AnalyticsSurface.ANALYTICS).check(CLASSES);
    }
}
