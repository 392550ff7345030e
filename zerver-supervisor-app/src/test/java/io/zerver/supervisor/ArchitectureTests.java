package io.zerver.supervisor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.zerver.core.ArchitectureRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's packages: {@code feature} (the hosted feature versions) knows nothing of how
 * requests arrive; {@code link} (the ingest's requests) uses it; {@code actuate} (what the
 * actuator shows) reads both; the root package wires them.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.supervisor");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.zerver.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void featuresComeFirstThenTheLinkThenTheActuatorThenTheConfiguration() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Feature").definedBy("io.zerver.supervisor.feature..")
                .layer("Link").definedBy("io.zerver.supervisor.link..")
                .layer("Actuate").definedBy("io.zerver.supervisor.actuate..")
                .layer("Configuration").definedBy("io.zerver.supervisor")
                .whereLayer("Feature").mayOnlyBeAccessedByLayers("Link", "Actuate", "Configuration")
                .whereLayer("Link").mayOnlyBeAccessedByLayers("Actuate", "Configuration")
                .whereLayer("Actuate").mayOnlyBeAccessedByLayers("Configuration")
                .whereLayer("Configuration").mayNotBeAccessedByAnyLayer()
                .check(CLASSES);
    }

    @Test
    void theFeatureLoaderAndTheVersionsItLoadsDoNotCallEachOther() {
        noClasses().that().haveSimpleName("FeatureVersion").should().dependOnClassesThat()
                .haveSimpleName("FeatureLoader").check(CLASSES);
    }

    @Test
    void noCatchAllPackages() {
        ArchitectureRules.noCatchAllPackages().check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = ArchitectureRules.packagesOf(CLASSES);
        assertThat(packages).contains("io.zerver.supervisor", "io.zerver.supervisor.feature",
                "io.zerver.supervisor.link", "io.zerver.supervisor.actuate");

        ArchitectureRules.assertNullMarked(packages);
    }
}
