package org.programmeledger.dashboards.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.architecture.AnalyticsSurface;
import org.programmeledger.ledger.architecture.LedgerSurface;
import org.programmeledger.ledger.architecture.ModuleSurface;
import org.springframework.jdbc.core.JdbcTemplate;

/** The boundaries between the modules, and the dashboards' own. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ModuleSurface.mainClasses();

    @Test
    void theDashboardsPackagesFormNoCycle() {
        ModuleSurface.noPackageCycles().check(CLASSES);
    }

    @Test
    void theDashboardsUseOnlyTheSurfacesOfAnalyticsAndTheLedger() {
        ModuleSurface.usesOnlySurfaces("dashboards", LedgerSurface.LEDGER, AnalyticsSurface.ANALYTICS).check(CLASSES);
    }

    @Test
    void theLedgerKnowsNothingOfAnalyticsOrDashboards() {
        noClasses().that().resideInAPackage("org.programmeledger.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("org.programmeledger.analytics..",
                        "org.programmeledger.dashboards..")
                .check(CLASSES);
    }

    @Test
    void analyticsKnowsNothingOfDashboards() {
        noClasses().that().resideInAPackage("org.programmeledger.analytics..")
                .should().dependOnClassesThat().resideInAPackage("org.programmeledger.dashboards..")
                .check(CLASSES);
    }

    /** The views' tables are analytics' own: the dashboard reads them through its one read repository. */
    @Test
    void theDashboardReadsTheViewsOnlyThroughAnalytics() {
        noClasses().that().resideInAPackage("org.programmeledger.dashboards.views..")
                .should().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
                .check(CLASSES);
    }
}
