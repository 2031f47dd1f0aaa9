package net.bluemind.xmpp.files;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The decisions (CORS, host-meta) stay usable without Tigase: only the adapter package knows it. */
class EngineHasNoTigaseTest {

    @Test
    void engineDoesNotDependOnTigase() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.bluemind.xmpp.files");

        noClasses().that().resideInAPackage("net.bluemind.xmpp.files..")
                .and().resideOutsideOfPackage("net.bluemind.xmpp.files.tigase..")
                .should().dependOnClassesThat().resideInAPackage("tigase..")
                .orShould().dependOnClassesThat().resideInAPackage("javax.servlet..")
                .check(classes);
    }
}
