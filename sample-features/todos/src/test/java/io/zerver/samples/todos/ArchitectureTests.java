package io.zerver.samples.todos;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.zerver.core.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * A feature jar is written against the core's SPI only: it runs in any host (embedded or the
 * supervisor) and brings none of the host's modules with it.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.samples.todos");

    @Test
    void dependsOnlyOnTheCoreSpringContextAndTheJdk() {
        ArchitectureRules.featureDependsOnlyOnTheCoreAndSpringContext("io.zerver.samples.todos").check(CLASSES);
    }

    @Test
    void neverDependsOnSpringBootOrTheHostsModules() {
        ArchitectureRules.featureNeverDependsOnSpringBootOrTheHostsModules().check(CLASSES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.noPackageCycles("io.zerver.samples").check(CLASSES);
    }
}
