package org.programmeledger.analytics.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.architecture.LedgerSurface;
import org.programmeledger.ledger.architecture.ModuleSurface;

/** Analytics reads the ledger only through its surface, its own packages form no cycle, its answers stand alone. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ModuleSurface.mainClasses();

    @Test
    void analyticsPackagesFormNoCycle() {
        ModuleSurface.noPackageCycles().check(CLASSES);
    }

    /** The components return the answers of reads and use the libraries; the facades call the components. */
    @Test
    void theAnswersAndLibrariesDependOnNothingElseOfAnalytics() {
        for (String library : new String[] {"reads", "aggregation", "output"}) {
            classes().that().resideInAPackage("org.programmeledger.analytics." + library + "..")
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.programmeledger.analytics..")
                            .or(resideInAPackage("org.programmeledger.analytics." + library + "..")))
                    .check(CLASSES);
        }
    }

    @Test
    void analyticsUsesOnlyTheLedgersSurface() {
        ModuleSurface.usesOnlySurfaces("analytics", LedgerSurface.LEDGER).check(CLASSES);
    }
}
