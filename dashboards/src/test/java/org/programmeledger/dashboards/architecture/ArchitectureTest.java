package org.programmeledger.dashboards.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.programmeledger.analytics.architecture.AnalyticsSurface;
import org.programmeledger.ledger.architecture.LedgerSurface;
import org.programmeledger.ledger.architecture.ModuleSurface;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;

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

    /**
     * The views' tables are analytics' own: the dashboard and the report read them through its one read repository.
     * Only the command line's glance into a store not yet opened ({@code console.StoreGlance}) holds a connection,
     * which it hands to analytics' and the ledger's own queries.
     */
    @Test
    void theDashboardReadsTheViewsOnlyThroughAnalytics() {
        noClasses().that().resideInAPackage("org.programmeledger.dashboards..")
                .and().resideOutsideOfPackage("org.programmeledger.dashboards.console..")
                .should().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
                .check(CLASSES);
    }

    /**
     * The command line is grouped by feature: each command lives with its feature (publication commands with the
     * publication pages, and so on) and uses the shared parts in {@code console}, which know no feature, so no
     * feature package and the command line form a cycle.
     */
    @Test
    void theCommandLinesSharedPartsKnowNoFeature() {
        noClasses().that().resideInAPackage("org.programmeledger.dashboards.console..")
                .should().dependOnClassesThat(resideInAPackage("org.programmeledger.dashboards..")
                        .and(not(resideInAnyPackage("org.programmeledger.dashboards.console..",
                                "org.programmeledger.dashboards"))))
                .check(CLASSES);
    }

    /** Only the command line's root ({@code cli.LedgerCli}, which lists every command) sees every feature. */
    @Test
    void noFeatureUsesTheCommandLinesRoot() {
        noClasses().that().resideOutsideOfPackage("org.programmeledger.dashboards.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.programmeledger.dashboards.cli..")
                .check(CLASSES);
    }

    /** A command is a feature's: the shared parts hold none. */
    @Test
    void theCommandsLiveInTheirFeatures() {
        noClasses().that().resideInAPackage("org.programmeledger.dashboards.console..")
                .should().beAnnotatedWith(Command.class)
                .check(CLASSES);
    }
}
