package io.zerver.effects;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.zerver.core.ArchitectureRules;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The effect families are independent: each package needs the core, the JDK, Reactor, JSpecify,
 * Micrometer and its own library only, so that leaving a family's library out leaves the others
 * working; the composition in the root package imports no family.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.effects");

    /** What every family may use. */
    private static final String[] SHARED = { "java..", "javax.annotation..", "reactor.core..", "reactor.util..",
        "org.reactivestreams..", "org.jspecify..", "io.micrometer..", "io.zerver.core.." };

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.zerver.effects.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc    | javax.sql.., org.springframework.jdbc.., org.springframework.dao.., org.springframework.util.., com.zaxxer.hikari.., org.sqlite..
            http    | reactor.netty.., io.netty.., io.github.resilience4j..
            cache   | com.github.benmanes.caffeine..
            file    |
            compute |
            """)
    void familyDependsOnlyOnTheCoreTheJdkReactorJSpecifyMicrometerAndItsOwnLibrary(String family, String library) {
        String[] own = library == null ? new String[0] : library.split(",\\s*");
        String[] allowed = Stream.of(Stream.of(SHARED), Stream.of(own), Stream.of("io.zerver.effects." + family + ".."))
                .flatMap(s -> s).toArray(String[]::new);

        classes().that().resideInAPackage("io.zerver.effects." + family + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .check(CLASSES);
    }

    @Test
    void theCompositionImportsNoFamily() {
        classes().that().resideInAPackage("io.zerver.effects")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..", "io.zerver.core..",
                        "io.zerver.effects")
                .check(CLASSES);
    }

    @Test
    void noCatchAllPackages() {
        ArchitectureRules.noCatchAllPackages().check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = ArchitectureRules.packagesOf(CLASSES);
        assertThat(packages).contains("io.zerver.effects", "io.zerver.effects.jdbc", "io.zerver.effects.http",
                "io.zerver.effects.file", "io.zerver.effects.cache", "io.zerver.effects.compute");

        ArchitectureRules.assertNullMarked(packages);
    }
}
