package net.bluemind.xmpp.calls;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays usable without Tigase: only the adapter package knows it. */
class EngineHasNoTigaseTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("net.bluemind.xmpp.calls");

    @Test
    void engineDoesNotDependOnTigase() {
        noClasses().that().resideInAPackage("net.bluemind.xmpp.calls..")
                .and().resideOutsideOfPackage("net.bluemind.xmpp.calls.tigase..")
                .should().dependOnClassesThat().resideInAPackage("tigase..")
                .check(classes);
    }
}
