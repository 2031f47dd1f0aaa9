package net.bluemind.xmpp.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine must stay usable (and testable) without Tigase: only the adapter package may touch it. */
class EngineHasNoTigaseTest {

    @Test
    void engineDoesNotDependOnTigase() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.bluemind.xmpp.auth");

        noClasses().that().resideInAPackage("net.bluemind.xmpp.auth..")
                .and().resideOutsideOfPackage("net.bluemind.xmpp.auth.tigase..")
                .should().dependOnClassesThat().resideInAPackage("tigase..")
                .check(classes);
    }
}
