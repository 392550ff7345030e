package io.zerver.samples.todos;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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
        ArchRule rule = classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..",
                "io.zerver.core..", "io.zerver.samples.todos..", "org.jspecify..", "org.springframework.context..",
                "org.springframework.stereotype..");

        rule.check(CLASSES);
    }

    @Test
    void neverDependsOnSpringBootOrTheHostsModules() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.boot..",
                "io.zerver.autoconfigure..", "io.zerver.effects..", "io.zerver.ipc..", "io.zerver.supervisor..",
                "io.zerver.ingest..");

        rule.check(CLASSES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("io.zerver.samples.(**)").should().beFreeOfCycles();

        rule.check(CLASSES);
    }
}
