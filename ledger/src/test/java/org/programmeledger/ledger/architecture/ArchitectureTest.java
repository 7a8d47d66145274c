package org.programmeledger.ledger.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger's own boundaries: no package cycles, answers below the components, a deterministic core. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = ModuleSurface.mainClasses();

    @Test
    void theLedgersPackagesFormNoCycle() {
        ModuleSurface.noPackageCycles().check(CLASSES);
    }

    @Test
    void theMessagesDependOnNothingElseOfTheLedger() {
        classes().that().resideInAPackage("org.programmeledger.ledger.api..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.programmeledger.ledger..")
                        .or(resideInAPackage("org.programmeledger.ledger.api..")))
                .check(CLASSES);
    }

    /** The components inside return the answers' records, and the facades call the components: no cycle. */
    @Test
    void theAnswersDependOnNothingOfTheLedgerButMessagesProofsAndHashing() {
        classes().that().resideInAPackage("org.programmeledger.ledger.service..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.programmeledger.ledger..")
                        .or(resideInAnyPackage("org.programmeledger.ledger.service..", "org.programmeledger.ledger.api..",
                                "org.programmeledger.ledger.proof..", "org.programmeledger.ledger.hashing..")))
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
