package io.zerver.bench.starter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The starter app is the plain app plus what a user writes with the starter: routes against the
 * core, and the name of the key/value table from the effects' config. It never reaches into the
 * starter's auto-configuration or the two-process apps.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.bench.starter");

    @Test
    void neverReachesIntoTheStartersAutoConfigurationOrTheApps() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("io.zerver.autoconfigure..",
                "io.zerver.observation..", "io.zerver.ipc..", "io.zerver.supervisor..", "io.zerver.ingest..");

        rule.check(CLASSES);
    }

    @Test
    void thePackageIsNullMarked() {
        assertThat(StarterApp.class.getPackage().getAnnotation(NullMarked.class)).isNotNull();
    }
}
