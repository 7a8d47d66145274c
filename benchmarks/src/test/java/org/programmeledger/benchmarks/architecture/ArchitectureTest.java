package org.programmeledger.benchmarks.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.architecture.AnalyticsSurface;
import org.programmeledger.ledger.architecture.LedgerSurface;
import org.programmeledger.ledger.architecture.ModuleSurface;

/** The benchmarks drive the application through the modules' surfaces, and their packages form no cycle. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ModuleSurface.mainClasses();

    /** The workloads take the run's context and the run starts the workloads: the one known cycle, to break. */
    @Test
    void theBenchmarksPackagesFormNoOtherCycle() {
        ModuleSurface.noPackageCycles().ignoreDependency(resideInAPackage("org.programmeledger.benchmarks.workload.."),
                resideInAPackage("org.programmeledger.benchmarks.run..")).check(CLASSES);
    }

    @Test
    void theBenchmarksUseOnlyTheModulesSurfaces() {
        ModuleSurface.usesOnlySurfaces("benchmarks", LedgerSurface.LEDGER, AnalyticsSurface.ANALYTICS).check(CLASSES);
    }
}
