package io.zerver.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
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
    void noCatchAllPackages() {
        ArchRule rule = noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..",
                "..helpers..");

        rule.check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = new TreeSet<>();
        for (JavaClass javaClass : CLASSES) {
            packages.add(javaClass.getPackageName());
        }
        assertThat(packages).contains("io.zerver.core.json", "io.zerver.core.effect", "io.zerver.core.slot",
                "io.zerver.core.engine", "io.zerver.core.route");

        for (String name : packages) {
            Class<?> packageInfo = Class.forName(name + ".package-info");
            assertThat(packageInfo.getPackage().getAnnotation(NullMarked.class)).as("@NullMarked on %s", name)
                    .isNotNull();
        }
    }
}
