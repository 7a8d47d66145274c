package org.programmeledger.analytics.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.architecture.LedgerSurface;
import org.programmeledger.ledger.architecture.ModuleSurface;

/** Analytics reads the ledger only through its surface, and its own packages form no cycle. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ModuleSurface.mainClasses();

    @Test
    void analyticsPackagesFormNoCycle() {
        ModuleSurface.noPackageCycles().check(CLASSES);
    }

    @Test
    void analyticsUsesOnlyTheLedgersSurface() {
        ModuleSurface.usesOnlySurfaces("analytics", LedgerSurface.LEDGER).check(CLASSES);
    }
}
