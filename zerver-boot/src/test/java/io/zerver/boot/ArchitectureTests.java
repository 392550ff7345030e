package io.zerver.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
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
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..", "..helpers..")
                .check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = new TreeSet<>();
        for (JavaClass javaClass : CLASSES) {
            packages.add(javaClass.getPackageName());
        }
        assertThat(packages).containsExactly("io.zerver.boot.properties");
        for (String name : packages) {
            Class<?> packageInfo = Class.forName(name + ".package-info");
            assertThat(packageInfo.getPackage().getAnnotation(NullMarked.class)).as("@NullMarked on %s", name)
                    .isNotNull();
        }
    }
}
