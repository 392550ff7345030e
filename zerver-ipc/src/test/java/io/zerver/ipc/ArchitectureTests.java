package io.zerver.ipc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.zerver.core.ArchitectureRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The link's layers: the vocabulary ({@code io.zerver.ipc}: frames, stats, the protocol's
 * exception, socket path rules) at the bottom, depending on no other package of the module;
 * the codec and transport rules under {@code internal}, used only by the two ends; the ends,
 * {@code server} and {@code client}, independent of each other. No package cycles, no Spring; of
 * the core only {@code io.zerver.core.config}, whose exception the options throw.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zerver.ipc");

    @Test
    void noPackageCycles() {
        slices().matching("io.zerver.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theVocabularyDependsOnNoOtherPackageOfTheLink() {
        noClasses().that().resideInAPackage("io.zerver.ipc")
                .should().dependOnClassesThat().resideInAnyPackage("io.zerver.ipc.server..", "io.zerver.ipc.client..",
                        "io.zerver.ipc.internal..")
                .check(CLASSES);
    }

    @Test
    void onlyTheTwoEndsUseTheInternalPackages() {
        classes().that().resideInAPackage("io.zerver.ipc.internal..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage("io.zerver.ipc.internal..",
                        "io.zerver.ipc.server..", "io.zerver.ipc.client..")
                .check(CLASSES);
    }

    @Test
    void theServerAndTheClientDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("io.zerver.ipc.server..")
                .should().dependOnClassesThat().resideInAPackage("io.zerver.ipc.client..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.zerver.ipc.client..")
                .should().dependOnClassesThat().resideInAPackage("io.zerver.ipc.server..")
                .check(CLASSES);
    }

    @Test
    void noPublicSignatureOutsideInternalMentionsAnInternalType() {
        members().that().areDeclaredInClassesThat().resideOutsideOfPackage("io.zerver.ipc.internal..")
                .and().areDeclaredInClassesThat().arePublic()
                .and(DescribedPredicate.describe("are public", (JavaMember m) -> m.getModifiers()
                        .contains(JavaModifier.PUBLIC)))
                .should(notMentionAnInternalType())
                .check(CLASSES);
    }

    @Test
    void theLinkDependsOnlyOnTheJdkNettyReactorJSpecifyAndTheCoresConfigurationVocabulary() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.netty..", "reactor..",
                        "org.reactivestreams..", "org.jspecify..", "io.zerver.ipc..", "io.zerver.core.config")
                .check(CLASSES);
    }

    @Test
    void noCatchAllPackages() {
        ArchitectureRules.noCatchAllPackages().check(CLASSES);
    }

    @Test
    void everyPackageIsNullMarked() throws ClassNotFoundException {
        Set<String> packages = ArchitectureRules.packagesOf(CLASSES);
        assertThat(packages).containsExactly("io.zerver.ipc", "io.zerver.ipc.client", "io.zerver.ipc.internal",
                "io.zerver.ipc.internal.codec", "io.zerver.ipc.server");
        ArchitectureRules.assertNullMarked(packages);
    }

    private static ArchCondition<JavaMember> notMentionAnInternalType() {
        return new ArchCondition<>("not mention a type of io.zerver.ipc.internal in its signature") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                List<JavaClass> types = new ArrayList<>();
                if (member instanceof JavaCodeUnit unit) {
                    types.add(unit.getRawReturnType());
                    types.addAll(unit.getRawParameterTypes());
                } else if (member instanceof JavaField field) {
                    types.add(field.getRawType());
                }
                for (JavaClass type : types) {
                    if (type.getPackageName().startsWith("io.zerver.ipc.internal")) {
                        events.add(SimpleConditionEvent.violated(member, member.getFullName() + " mentions "
                                + type.getName()));
                    }
                }
            }
        };
    }
}
