package io.zerver.bench.echo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The echo app is an application as a user writes one: it adds the starter and imports feature
 * configurations (their routes written against the core), and never reaches into the starter's
 * other modules or the two-process apps.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.bench.echo");

    @Test
    void neverReachesIntoTheStartersModulesOrTheApps() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("io.zerver.autoconfigure..", "io.zerver.effects..", "io.zerver.observation..", "io.zerver.ipc..",
                "io.zerver.supervisor..", "io.zerver.ingest..");

        rule.check(CLASSES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("io.zerver.bench.(**)").should().beFreeOfCycles();

        rule.check(CLASSES);
    }
}
