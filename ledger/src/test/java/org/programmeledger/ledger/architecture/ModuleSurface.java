package org.programmeledger.ledger.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What a module lets the others use: its surface packages, and (until they move behind it) the named classes
 * other modules still reach into. Each module's ArchitectureTest checks its own classes against the surfaces of
 * the modules it depends on, so a new import outside them, or a new package cycle, fails the build.
 */
public record ModuleSurface(String module, String[] packages, Class<?>... legacy) {

    /** The main classes of every module on the test's class path (not those of the modules' test jars). */
    public static JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.programmeledger");
    }

    /** No cycle between the feature packages of any module ({@code org.programmeledger.<module>.<feature>}). */
    public static SliceRule noPackageCycles() {
        return slices().matching("org.programmeledger.(*).(*)..").should().beFreeOfCycles();
    }

    /** Classes of {@code module} use the other modules named only through their surfaces. */
    public static ArchRule usesOnlySurfaces(String module, ModuleSurface... surfaces) {
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.alwaysTrue();
        for (ModuleSurface surface : surfaces) {
            allowed = allowed.and(resideOutsideOfPackage("org.programmeledger." + surface.module + "..")
                    .or(surface.members()));
        }
        return classes().that().resideInAPackage("org.programmeledger." + module + "..")
                .should().onlyDependOnClassesThat(allowed);
    }

    /** This surface and the classes named besides, for a harness that measures them (the benchmarks). */
    public ModuleSurface with(Class<?>... more) {
        return new ModuleSurface(module, packages, Stream.concat(Arrays.stream(legacy), Arrays.stream(more))
                .toArray(Class<?>[]::new));
    }

    DescribedPredicate<JavaClass> members() {
        String[] names = Arrays.stream(packages).map(p -> "org.programmeledger." + module + "." + p + "..")
                .toArray(String[]::new);
        return resideInAnyPackage(names).or(belongToAnyOf(legacy)).as("the surface of " + module);
    }
}
