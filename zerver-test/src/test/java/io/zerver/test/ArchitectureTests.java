package io.zerver.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.zerver.core.ArchitectureRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The test kit is a thin layer on the core: a test of a feature pulls in nothing else. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.test");

    @Test
    void dependsOnlyOnTheCoreReactorJSpecifyAndTheJdk() {
        ArchRule rule = classes().that().resideInAPackage("io.zerver.test..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.zerver.core..",
                        "io.zerver.test..", "reactor..", "org.reactivestreams..", "org.jspecify..");

        rule.check(CLASSES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("io.zerver.(**)").should().beFreeOfCycles();

        rule.check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = ArchitectureRules.packagesOf(CLASSES);
        assertThat(packages).contains("io.zerver.test");

        ArchitectureRules.assertNullMarked(packages);
    }
}
