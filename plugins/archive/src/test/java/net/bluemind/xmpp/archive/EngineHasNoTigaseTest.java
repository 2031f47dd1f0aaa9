package net.bluemind.xmpp.archive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays usable without Tigase; and MAM never knows the storage. */
class EngineHasNoTigaseTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("net.bluemind.xmpp.archive");

    @Test
    void engineDoesNotDependOnTigase() {
        noClasses().that().resideInAPackage("net.bluemind.xmpp.archive..")
                .and().resideOutsideOfPackage("net.bluemind.xmpp.archive.tigase..")
                .should().dependOnClassesThat().resideInAPackage("tigase..")
                .check(classes);
    }

    @Test
    void mamAndWriterDoNotKnowElasticsearch() {
        noClasses().that().resideInAnyPackage("net.bluemind.xmpp.archive.mam..", "net.bluemind.xmpp.archive.write..",
                "net.bluemind.xmpp.archive.capture..", "net.bluemind.xmpp.archive.query..")
                .should().dependOnClassesThat().resideInAnyPackage("co.elastic..", "org.elasticsearch..",
                        "net.bluemind.xmpp.archive.es..")
                .check(classes);
    }
}
