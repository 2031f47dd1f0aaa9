package net.bluemind.xmpp.vcard;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine (everything outside ...vcard.tigase) must not know Tigase. */
class EngineIndependenceTest {

    @Test
    void engineDoesNotDependOnTigase() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.bluemind.xmpp.vcard");
        // not vacuous: the import holds both the engine and the adapter, which does use Tigase
        assertThat(classes.contain("net.bluemind.xmpp.vcard.VCardService")).isTrue();
        assertThat(classes.get("net.bluemind.xmpp.vcard.tigase.BlueMindVCardTemp").getDirectDependenciesFromSelf())
                .anySatisfy(d -> assertThat(d.getTargetClass().getPackageName()).startsWith("tigase."));
        noClasses().that().resideInAPackage("net.bluemind.xmpp.vcard..")
                .and().resideOutsideOfPackage("net.bluemind.xmpp.vcard.tigase..")
                .should().dependOnClassesThat().resideInAPackage("tigase..")
                .check(classes);
    }
}
