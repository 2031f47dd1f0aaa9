package net.bluemind.xmpp.domains.phones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PushWhileHibernatedTest {

    private static final Set<String> ASLEEP = Set.of("phone", "tablet");

    private static boolean notify(String type, boolean body, boolean toUser, List<String> sessions) {
        // as the adapter asks: the message first, the sessions only then
        return PushWhileHibernated.worthWaking(type, body, toUser)
                && PushWhileHibernated.allHibernated(sessions, ASLEEP::contains);
    }

    @Test
    void aChatMessageToAUserWhoseOnlySessionIsHibernatedIsNotified() {
        assertThat(notify("chat", true, true, List.of("phone"))).isTrue();
        assertThat(notify(null, true, true, List.of("phone"))).as("no type: normal").isTrue();
        assertThat(notify("normal", true, true, List.of("phone", "tablet"))).isTrue();
    }

    @Test
    void aConnectedSessionReadsItItself() {
        assertThat(notify("chat", true, true, List.of("phone", "desktop"))).isFalse();
    }

    @Test
    void withoutSessionsTigasesOfflinePathNotifies() {
        assertThat(notify("chat", true, true, List.of())).isFalse();
    }

    @Test
    void roomMessagesErrorsHeadlinesAndBodylessMessagesDoNotWakeAPhone() {
        assertThat(notify("groupchat", true, true, List.of("phone"))).isFalse();
        assertThat(notify("error", true, true, List.of("phone"))).isFalse();
        assertThat(notify("headline", true, true, List.of("phone"))).isFalse();
        assertThat(notify("chat", false, true, List.of("phone"))).as("chat state, receipt, marker").isFalse();
    }

    @Test
    void whatTheUserSendsIsNotNotifiedToThem() {
        assertThat(notify("chat", true, false, List.of("phone"))).isFalse();
    }

    @Test
    void aHibernatedConnectionIsForgottenWhenANewStreamReusesItsIdOrAfterTheKeep() throws Exception {
        HibernatedConnections c = new HibernatedConnections(Duration.ofMillis(200));
        c.hibernated("c2s@node/127.0.0.1_5222_10.0.0.1_40000");
        assertThat(c.isHibernated("c2s@node/127.0.0.1_5222_10.0.0.1_40000")).isTrue();
        c.forget("c2s@node/127.0.0.1_5222_10.0.0.1_40000");
        assertThat(c.isHibernated("c2s@node/127.0.0.1_5222_10.0.0.1_40000")).isFalse();
        c.hibernated("c2s@node/127.0.0.1_5222_10.0.0.1_40001");
        Thread.sleep(400);
        assertThat(c.isHibernated("c2s@node/127.0.0.1_5222_10.0.0.1_40001")).isFalse();
    }
}
