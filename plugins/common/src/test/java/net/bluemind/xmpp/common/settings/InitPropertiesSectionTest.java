package net.bluemind.xmpp.common.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class InitPropertiesSectionTest {

    private static final Path SHIPPED = Path.of("../../etc/init.properties");

    @Test
    void theShippedInitPropertiesCarriesEverySettingOfKeys() throws IOException {
        String text = Files.readString(SHIPPED, StandardCharsets.UTF_8);
        assertThat(InitPropertiesSection.replaceIn(text))
                .as("etc/init.properties is out of date with Keys.java: run "
                        + "java -cp plugins/common/target/classes net.bluemind.xmpp.common.settings.InitPropertiesSection")
                .isEqualTo(text);
        for (Setting<?> s : Keys.all()) {
            assertThat(text).contains("#--bm-xmpp." + s.key() + " = " + s.defaultValue());
        }
    }

    @Test
    void anUncommentedLineIsASettingTigaseTurnsIntoASystemProperty() throws IOException {
        String edited = InitPropertiesSection.render().replace("#--bm-xmpp.auth-cache-ttl = 10m", "--bm-xmpp.auth-cache-ttl = 42s");
        Properties props = new Properties();
        props.load(new StringReader(edited));
        // Tigase's bootstrap drops the leading "--" and sets the rest as a system property.
        Properties system = new Properties();
        props.stringPropertyNames().forEach(k -> system.setProperty(k.substring(2), props.getProperty(k)));
        Settings s = Settings.load(Settings.withPrefix(system, Settings.SYSTEM_PROPERTY_PREFIX));
        assertThat(s.get(Keys.AUTH_CACHE_TTL)).hasSeconds(42);
    }

    @Test
    void theOperatorsGuideSettingsTableIsCurrent() throws IOException {
        assertThat(Files.readString(Path.of("../../docs/operators-guide.md"), StandardCharsets.UTF_8))
                .as("docs/operators-guide.md's settings table (section Settings) is out of date with Keys.java: replace it "
                        + "with the output of java -cp plugins/common/target/classes "
                        + "net.bluemind.xmpp.common.settings.InitPropertiesSection --markdown")
                .contains(InitPropertiesSection.markdownTable());
    }

    @Test
    void aFileWithoutTheBlockIsRefused() {
        assertThatThrownBy(() -> InitPropertiesSection.replaceIn("config-type = --gen-config-def\n"))
                .hasMessageContaining("markers missing");
    }
}
