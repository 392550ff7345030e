package io.zerver.bench.echofeature;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The echo feature is a feature jar like the samples: the core's SPI and Spring's context only. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.bench.echofeature");

    @Test
    void dependsOnlyOnTheCoreSpringContextAndTheJdk() {
        ArchRule rule = classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..",
                "io.zerver.core..", "io.zerver.bench.echofeature..", "org.jspecify..",
                "org.springframework.context..");

        rule.check(CLASSES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("io.zerver.bench.(**)").should().beFreeOfCycles();

        rule.check(CLASSES);
    }
}
