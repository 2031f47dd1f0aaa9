package net.bluemind.xmpp.common.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactAddressesSettingTest {

    @Test
    void emptyByDefault() {
        assertThat(Settings.defaults().get(Keys.ABUSE_ADDRESSES)).isEmpty();
        assertThat(Settings.defaults().get(Keys.ADMIN_ADDRESSES)).isEmpty();
    }

    @Test
    void mailtoXmppAndHttpsUrisInTheirOrder() {
        Settings s = Settings.load(Map.of("abuse-addresses", " mailto:abuse@example.com , ,xmpp:abuse@example.com",
                "admin-addresses", "https://example.com/contact"));
        assertThat(s.get(Keys.ABUSE_ADDRESSES)).containsExactly("mailto:abuse@example.com", "xmpp:abuse@example.com");
        assertThat(s.get(Keys.ADMIN_ADDRESSES)).containsExactly("https://example.com/contact");
    }

    @Test
    void aBareAddressOrAnotherSchemeIsRefusedNamingTheKey() {
        for (String bad : new String[] {"abuse@example.com", "ftp://example.com", "mailto:"}) {
            assertThatThrownBy(() -> Settings.load(Map.of("abuse-addresses", bad))).as(bad)
                    .isInstanceOf(SettingsException.class).hasMessageContaining("abuse-addresses");
        }
    }
}
