package io.zerver.boot;

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

/**
 * Spring Boot support below every Zerver application: it builds on the core only (no other Zerver
 * module), on Spring Boot itself and no auto-configuration, so that the ingest, which runs no
 * engine, can use it too.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.boot");

    @Test
    void noPackageCycles() {
        slices().matching("io.zerver.boot.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void dependsOnlyOnTheCoreSpringTheJdkAndJSpecify() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..",
                        "org.springframework..", "io.zerver.core..", "io.zerver.boot..")
                .check(CLASSES);
    }

    @Test
    void isNoAutoConfiguration() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot.autoconfigure..")
                .check(CLASSES);
    }

    @Test
    void noCatchAllPackages() {
        ArchitectureRules.noCatchAllPackages().check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = ArchitectureRules.packagesOf(CLASSES);
        assertThat(packages).containsExactly("io.zerver.boot.properties");
        ArchitectureRules.assertNullMarked(packages);
    }
}
