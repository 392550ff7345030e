package io.zerver.autoconfigure;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.zerver.core.ArchitectureRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    /**
     * The Zerver modules the auto-configuration builds on. The arrows point inward only: each of
     * those modules checks in its own ArchitectureTests that it imports nothing of
     * io.zerver.autoconfigure.
     */
    private static final String[] MODULES_BELOW = { "io.zerver.core..", "io.zerver.boot..",
            "io.zerver.observation..", "io.zerver.effects.." };

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.autoconfigure");

    @Test
    void noPackageCycles() {
        slices().matching("io.zerver.autoconfigure.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void autoConfigurationDependsOnlyOnTheModulesBelowIt() {
        classes().should().onlyDependOnClassesThat(resideOutsideOfPackage("io.zerver..")
                .or(resideInAnyPackage("io.zerver.autoconfigure..")).or(resideInAnyPackage(MODULES_BELOW)))
                .check(CLASSES);
    }

    @Test
    void theCapabilitiesNeverDependOnTheWebSide() {
        noClasses().that().resideInAnyPackage("io.zerver.autoconfigure.engine..", "io.zerver.autoconfigure.effects..",
                "io.zerver.autoconfigure.observation..").should().dependOnClassesThat()
                .resideInAnyPackage("io.zerver.autoconfigure.webflux..", "io.zerver.autoconfigure.actuate..")
                .check(CLASSES);
    }

    @Test
    void effectsAndObservationAreConfiguredWithoutTheEngineOrEachOther() {
        noClasses().that().resideInAPackage("io.zerver.autoconfigure.effects..").should().dependOnClassesThat()
                .resideInAnyPackage("io.zerver.autoconfigure.engine..", "io.zerver.autoconfigure.observation..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.zerver.autoconfigure.observation..").should().dependOnClassesThat()
                .resideInAnyPackage("io.zerver.autoconfigure.engine..", "io.zerver.autoconfigure.effects..")
                .check(CLASSES);
    }

    @Test
    void theWebFluxMountingAndTheActuatorAreIndependent() {
        noClasses().that().resideInAPackage("io.zerver.autoconfigure.webflux..").should().dependOnClassesThat()
                .resideInAPackage("io.zerver.autoconfigure.actuate..").check(CLASSES);
        noClasses().that().resideInAPackage("io.zerver.autoconfigure.actuate..").should().dependOnClassesThat()
                .resideInAPackage("io.zerver.autoconfigure.webflux..").check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = ArchitectureRules.packagesOf(CLASSES);
        assertThat(packages).contains("io.zerver.autoconfigure.engine", "io.zerver.autoconfigure.observation",
                "io.zerver.autoconfigure.actuate");

        ArchitectureRules.assertNullMarked(packages);
    }
}
