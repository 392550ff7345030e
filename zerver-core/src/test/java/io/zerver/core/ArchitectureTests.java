package io.zerver.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.core");

    @Test
    void coreDependsOnNoWebFrameworkOrJsonLibrary() {
        ArchRule rule = noClasses().that().resideInAPackage("io.zerver.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "com.fasterxml..", "tools.jackson..");

        rule.check(CLASSES);
    }

    @Test
    void coreDependsOnlyOnTheJdkReactorJSpecifyAndMicrometer() {
        ArchRule rule = classes().that().resideInAPackage("io.zerver.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.annotation..", "reactor..",
                        "org.reactivestreams..", "org.jspecify..", "io.micrometer..", "io.zerver.core..");

        rule.check(CLASSES);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("io.zerver.core.(*)..").should().beFreeOfCycles();

        rule.check(CLASSES);
    }

    /**
     * Core's packages, from the top down (docs/architecture.md, section 9): the engine runs routes;
     * a route holds a pipeline; a pipeline orders steps; a step decides on effects; an effect's
     * handler records to the timeline; the timeline records errors; and everything may use the
     * plain values below them. No package reaches up.
     */
    @Test
    void corePackagesOnlyDependDownwards() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Engine").definedBy("io.zerver.core.engine..")
                .layer("Route").definedBy("io.zerver.core.route..")
                .layer("Pipeline").definedBy("io.zerver.core.pipeline..")
                .layer("Step").definedBy("io.zerver.core.step..")
                .layer("Effect").definedBy("io.zerver.core.effect..")
                .layer("Timeline").definedBy("io.zerver.core.timeline..")
                .layer("Body").definedBy("io.zerver.core.body..")
                .layer("Error").definedBy("io.zerver.core.error..")
                .layer("Value").definedBy("io.zerver.core.flow..", "io.zerver.core.http..", "io.zerver.core.json..",
                        "io.zerver.core.retry..", "io.zerver.core.schedule..", "io.zerver.core.slot..")
                .whereLayer("Engine").mayNotBeAccessedByAnyLayer()
                .whereLayer("Route").mayOnlyAccessLayers("Pipeline", "Step", "Effect", "Timeline", "Error", "Value")
                .whereLayer("Pipeline").mayOnlyAccessLayers("Step", "Effect", "Timeline", "Error", "Value")
                .whereLayer("Step").mayOnlyAccessLayers("Effect", "Timeline", "Error", "Value")
                .whereLayer("Effect").mayOnlyAccessLayers("Timeline", "Error", "Value")
                .whereLayer("Timeline").mayOnlyAccessLayers("Error", "Value")
                .whereLayer("Body").mayOnlyBeAccessedByLayers("Engine")
                .whereLayer("Body").mayOnlyAccessLayers("Error", "Value")
                .whereLayer("Error").mayOnlyAccessLayers("Value")
                .whereLayer("Value").mayNotAccessAnyLayer();

        rule.check(CLASSES);
    }

    @Test
    void noCatchAllPackages() {
        ArchitectureRules.noCatchAllPackages().check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = ArchitectureRules.packagesOf(CLASSES);
        assertThat(packages).contains("io.zerver.core.json", "io.zerver.core.effect", "io.zerver.core.slot",
                "io.zerver.core.engine", "io.zerver.core.route", "io.zerver.core.flow");

        ArchitectureRules.assertNullMarked(packages);
    }
}
