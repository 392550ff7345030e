package io.zerver.bench.plain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The plain app is the reference without Zerver: no Zerver artifact on its classpath, in any
 * scope, so that the benchmark compares an application with the starter against one that never
 * had it.
 */
class ArchitectureTests {

    @Test
    void theOnlyZerverClassesOnTheClasspathAreThePlainAppsOwn() {
        JavaClasses everyZerverClass = new ClassFileImporter().importPackages("io.zerver");
        ArchRule rule = classes().should().resideInAPackage("io.zerver.bench.plain");

        rule.check(everyZerverClass);
    }

    @Test
    void noClassOfTheStarterOrTheEngineIsLoadable() {
        for (String name : new String[] { "io.zerver.core.route.ZerverRoutes",
                "io.zerver.autoconfigure.engine.ZerverEngineAutoConfiguration",
                "io.zerver.effects.jdbc.JdbcKvEffects" }) {
            assertThat(getClass().getClassLoader().getResource(name.replace('.', '/') + ".class")).as(name).isNull();
        }
    }

    @Test
    void thePackageIsNullMarked() {
        assertThat(PlainApp.class.getPackage().getAnnotation(NullMarked.class)).isNotNull();
    }
}
