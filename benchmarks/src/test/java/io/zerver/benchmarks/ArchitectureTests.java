package io.zerver.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The JMH benchmarks measure the engine and the effect handlers as a plain-Java user runs them:
 * no Spring Boot, no auto-configuration, none of the two-process apps.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.benchmarks");

    @Test
    void useTheEngineWithoutSpringBootOrTheApps() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.boot..",
                "io.zerver.autoconfigure..", "io.zerver.ipc..", "io.zerver.supervisor..", "io.zerver.ingest..");

        rule.check(CLASSES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("io.zerver.benchmarks.(**)").should().beFreeOfCycles();

        rule.check(CLASSES);
    }
}
