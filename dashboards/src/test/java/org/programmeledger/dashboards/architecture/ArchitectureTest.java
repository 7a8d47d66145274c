package org.programmeledger.dashboards.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The boundaries between the modules and inside the ledger. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.programmeledger");

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

    @Test
    void otherModulesSeeOnlyTheLedgersMessagesImporterAndStore() {
        noClasses().that().resideOutsideOfPackage("org.programmeledger.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("org.programmeledger.ledger.period..",
                        "org.programmeledger.ledger.programme..", "org.programmeledger.ledger.organisation..",
                        "org.programmeledger.ledger.registry..", "org.programmeledger.ledger.rules..")
                .check(CLASSES);
    }

    @Test
    void theLedgerTakesNoTimeOrRandomIdsOfItsOwnSoReplaysAreDeterministic() {
        noClasses().that().resideInAPackage("org.programmeledger.ledger..")
                .should().callMethod(UUID.class, "randomUUID")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }
}
