package io.zerver.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;

/**
 * The rules every module's {@code ArchitectureTests} shares, shipped in zerver-core's test jar
 * (the only class in it): no catch-all packages, {@code @NullMarked} on every package, and what a
 * feature jar may depend on. Each module keeps its own cycle and layer rules, which differ.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** No {@code util}, {@code common} or {@code helper} package. */
    public static ArchRule noCatchAllPackages() {
        return noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..",
                "..helpers..");
    }

    /** The packages {@code classes} live in, sorted. */
    public static Set<String> packagesOf(JavaClasses classes) {
        Set<String> packages = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            packages.add(javaClass.getPackageName());
        }
        return packages;
    }

    /** Asserts that each of {@code packages} has a {@code package-info} annotated {@code @NullMarked}. */
    public static void assertNullMarked(Set<String> packages) throws ClassNotFoundException {
        for (String name : packages) {
            Class<?> packageInfo = Class.forName(name + ".package-info");
            assertThat(packageInfo.getPackage().getAnnotation(NullMarked.class)).as("@NullMarked on %s", name)
                    .isNotNull();
        }
    }

    /**
     * A feature jar's main code, under {@code featurePackage}, depends on the core's SPI, Spring's
     * context annotations, JSpecify and the JDK only: it runs in any host, embedded or the supervisor.
     */
    public static ArchRule featureDependsOnlyOnTheCoreAndSpringContext(String featurePackage) {
        return classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.zerver.core..",
                featurePackage + "..", "org.jspecify..", "org.springframework.context..",
                "org.springframework.stereotype..");
    }

    /** A feature jar brings none of its host's modules with it, and no Spring Boot. */
    public static ArchRule featureNeverDependsOnSpringBootOrTheHostsModules() {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.boot..",
                "io.zerver.autoconfigure..", "io.zerver.effects..", "io.zerver.ipc..", "io.zerver.supervisor..",
                "io.zerver.ingest..");
    }

    /** No two packages under {@code prefix} (its root included) depend on each other. */
    public static ArchRule noPackageCycles(String prefix) {
        return slices().matching(prefix + ".(**)").should().beFreeOfCycles();
    }
}
