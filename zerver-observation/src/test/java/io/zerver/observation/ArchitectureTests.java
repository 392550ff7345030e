package io.zerver.observation;

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

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.observation");

    @Test
    void observationDependsOnlyOnTheJdkReactorMicrometerAndCore() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "reactor..", "org.jspecify..",
                "io.micrometer..", "io.zerver.core..", "io.zerver.observation..").check(CLASSES);
    }

    @Test
    void observationImportsNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.zerver.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheTracingPackageNeedsMicrometerTracing() {
        noClasses().that().resideOutsideOfPackage("io.zerver.observation.tracing..")
                .and().doNotHaveFullyQualifiedName(ObservationTimelineObserver.Builder.class.getName())
                .should().dependOnClassesThat().resideInAPackage("io.micrometer.tracing..")
                .because("Micrometer Tracing is optional: the observer must load without it")
                .check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = ArchitectureRules.packagesOf(CLASSES);
        assertThat(packages).contains("io.zerver.observation", "io.zerver.observation.tracing",
                "io.zerver.observation.metrics");

        ArchitectureRules.assertNullMarked(packages);
    }
}
