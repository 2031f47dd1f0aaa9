package net.bluemind.xmpp.common.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.bluemind.xmpp.common.settings.FederationMode;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.common.federation.FederationPolicy.Outgoing;
import net.bluemind.xmpp.common.federation.FederationPolicy.Outgoing.Action;
import net.bluemind.xmpp.common.federation.FederationPolicy.Payload;
import net.bluemind.xmpp.common.federation.FederationPolicy.Stanza;
import org.junit.jupiter.api.Test;

class FederationPolicyTest {

    private static final FederationPolicy ON = FederationPolicy.of(FederationMode.ON, List.of());
    private static final FederationPolicy OFF = FederationPolicy.of(FederationMode.OFF, List.of("partner.test"));
    private static final FederationPolicy LIST = FederationPolicy.of(FederationMode.ALLOW_LIST,
            List.of("partner.test", "Example.ORG."));

    @Test
    void theShippedDefaultFederatesWithEveryone() {
        FederationPolicy p = FederationPolicy.from(Settings.defaults());
        assertThat(p.allowsEveryone()).isTrue();
        assertThat(p.allows("anything.example")).isTrue();
        assertThat(p.describe()).isEqualTo("federation on: every other XMPP server");
    }

    @Test
    void offRefusesEveryDomainEvenOneListed() {
        assertThat(OFF.allows("partner.test")).isFalse();
        assertThat(OFF.allows("other.test")).isFalse();
        assertThat(OFF.allowsEveryone()).isFalse();
    }

    @Test
    void anAllowListEntryAllowsTheDomainAndItsSubdomainsOnly() {
        assertThat(LIST.allows("partner.test")).isTrue();
        assertThat(LIST.allows("conference.partner.test")).as("its rooms").isTrue();
        assertThat(LIST.allows("upload.eu.partner.test")).isTrue();
        assertThat(LIST.allows("PARTNER.test.")).as("case and trailing dot").isTrue();
        assertThat(LIST.allows("example.org")).isTrue();
        assertThat(LIST.allows("xpartner.test")).as("not a subdomain").isFalse();
        assertThat(LIST.allows("partner.test.evil.example")).isFalse();
        assertThat(LIST.allows("test")).as("a parent domain").isFalse();
        assertThat(LIST.allows("other.test")).isFalse();
        assertThat(LIST.allows("")).isFalse();
        assertThat(LIST.allows(null)).isFalse();
    }

    @Test
    void anEmptyAllowListRefusesEveryone() {
        FederationPolicy empty = FederationPolicy.from(Settings.load(Map.of("federation", "allow-list")));
        assertThat(empty.allows("partner.test")).isFalse();
        assertThat(empty.describe()).contains("empty");
    }

    @Test
    void allowedStanzasPass() {
        for (FederationPolicy p : List.of(ON, LIST)) {
            assertThat(p.outgoing("partner.test", Stanza.of("message", "chat", Payload.NONE), true)).isEqualTo(Outgoing.PASS);
            assertThat(p.outgoing("conference.partner.test", Stanza.of("presence", null, Payload.NONE), false))
                    .isEqualTo(Outgoing.PASS);
        }
    }

    @Test
    void whatALocalUserSendsToARefusedDomainBouncesWhenItExpectsAnOutcome() {
        for (String[] c : new String[][] {
                {"message", "chat"}, {"message", null}, {"message", "normal"}, {"message", "groupchat"},
                {"iq", "get"}, {"iq", "set"}, {"presence", "subscribe"}}) {
            Outgoing o = LIST.outgoing("other.test", Stanza.of(c[0], c[1], Payload.NONE), true);
            assertThat(o.action()).as(c[0] + " " + c[1]).isEqualTo(Action.BOUNCE);
            assertThat(o.text()).isEqualTo(
                    "other.test cannot be reached: the administrator of this server has disabled federation with that domain");
        }
        assertThat(LIST.outgoing("conference.other.test", Stanza.of("presence", null, Payload.ROOM_JOIN), true).action())
                .as("a room join").isEqualTo(Action.BOUNCE);
        assertThat(OFF.outgoing("partner.test", Stanza.of("message", "chat", Payload.NONE), true).action())
                .isEqualTo(Action.BOUNCE);
    }

    @Test
    void theRestIsDroppedWithoutAWord() {
        for (String[] c : new String[][] {
                {"message", "error"}, {"iq", "result"}, {"iq", "error"}, {"presence", "error"},
                {"presence", null}, {"presence", "unavailable"}, {"presence", "probe"}, {"presence", "subscribed"},
                {"presence", "unsubscribe"}, {"presence", "unsubscribed"}, {"message", "headline"},
                {"db:result", null}}) {
            assertThat(LIST.outgoing("other.test", Stanza.of(c[0], c[1], Payload.NONE), true))
                    .as(c[0] + " " + c[1]).isEqualTo(Outgoing.DROP);
        }
        assertThat(LIST.outgoing("other.test", Stanza.of("presence", "unavailable", Payload.ROOM_JOIN), true))
                .as("leaving a room").isEqualTo(Outgoing.DROP);
        // the pubsub component sends a user's PEP notifications (avatar, nick, OMEMO devices) from the user's address
        assertThat(LIST.outgoing("other.test", Stanza.of("message", null, Payload.PUBSUB_EVENT), true))
                .as("a PEP event").isEqualTo(Outgoing.DROP);
    }

    @Test
    void whatAComponentSendsToARefusedDomainIsDropped() {
        // a room's groupchat, presence or invitation, a PEP notification, the server's own ping
        for (String[] c : new String[][] {{"message", "groupchat"}, {"message", null}, {"presence", null},
                {"iq", "get"}}) {
            assertThat(LIST.outgoing("other.test", Stanza.of(c[0], c[1], Payload.NONE), false))
                    .as(c[0] + " " + c[1]).isEqualTo(Outgoing.DROP);
        }
    }

    @Test
    void theStreamRefusalNamesTheDomain() {
        assertThat(LIST.streamRefusalText("Other.Test")).isEqualTo(
                "this server does not federate with other.test: its administrator has disabled federation with that domain");
        assertThat(LIST.describe()).isEqualTo("federation only with partner.test, example.org (and their subdomains)");
        assertThat(OFF.describe()).contains("off");
    }
}
