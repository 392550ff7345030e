package io.zerver.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.zerver.core.ArchitectureRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ingest's two layers: {@code io.zerver.ingest} is the Spring Boot application (its
 * configuration, properties, the link client's auto-configuration, health and shutdown), and
 * {@code io.zerver.ingest.http} is the HTTP side it wires (the Netty guard, the forwarder, the
 * meters), which knows nothing of the application: it takes plain values ({@code IngestLimits},
 * a {@code LinkClient}) and plugs into Boot only through the Reactor Netty server's SPI.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.ingest");

    @Test
    void noPackageCycles() {
        slices().matching("io.zerver.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theHttpSideDoesNotDependOnTheApplication() {
        noClasses().that().resideInAPackage("io.zerver.ingest.http..")
                .should().dependOnClassesThat().resideInAPackage("io.zerver.ingest")
                .check(CLASSES);
    }

    @Test
    void theHttpSideUsesOfSpringOnlyTheReactiveHandlerAndTheNettyServerSpi() {
        classes().that().resideInAPackage("io.zerver.ingest.http..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.netty..", "reactor..",
                        "org.reactivestreams..", "org.jspecify..", "io.micrometer..", "io.zerver.core..",
                        "io.zerver.ipc", "io.zerver.ipc.client..", "io.zerver.ingest.http..",
                        "org.springframework.http.server.reactive..", "org.springframework.boot.reactor.netty..")
                .check(CLASSES);
    }

    @Test
    void theIngestUsesOnlyTheClientEndOfTheLink() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.zerver.ipc.internal..",
                        "io.zerver.ipc.server..")
                .check(CLASSES);
    }

    @Test
    void noCatchAllPackages() {
        ArchitectureRules.noCatchAllPackages().check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = ArchitectureRules.packagesOf(CLASSES);
        assertThat(packages).containsExactly("io.zerver.ingest", "io.zerver.ingest.http");
        ArchitectureRules.assertNullMarked(packages);
    }
}
