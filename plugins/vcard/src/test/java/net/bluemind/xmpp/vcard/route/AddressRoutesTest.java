package net.bluemind.xmpp.vcard.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every cell of the table in {@link AddressRoutes}: stanza kind × what the directory says about the address. */
class AddressRoutesTest {

    private static final String MAUD = "maud@bluemind.test";
    private static final String AT_ALIAS = "maud@corp.test";
    private static final Address OWNER = new Address.Owner(MAUD);

    private static Route decide(String element, String type, String to, Address a) {
        return AddressRoutes.decide(StanzaKind.of(element, type), to, a);
    }

    @Test
    void kinds() {
        assertThat(StanzaKind.of("message", null)).isEqualTo(StanzaKind.MESSAGE);
        assertThat(StanzaKind.of("message", "chat")).isEqualTo(StanzaKind.MESSAGE);
        assertThat(StanzaKind.of("message", "groupchat")).isEqualTo(StanzaKind.MESSAGE);
        assertThat(StanzaKind.of("message", "headline")).isEqualTo(StanzaKind.HEADLINE);
        assertThat(StanzaKind.of("message", "error")).isEqualTo(StanzaKind.ERROR);
        assertThat(StanzaKind.of("iq", "get")).isEqualTo(StanzaKind.IQ_REQUEST);
        assertThat(StanzaKind.of("iq", "set")).isEqualTo(StanzaKind.IQ_REQUEST);
        assertThat(StanzaKind.of("iq", "result")).isEqualTo(StanzaKind.IQ_RESULT);
        assertThat(StanzaKind.of("iq", "error")).isEqualTo(StanzaKind.ERROR);
        assertThat(StanzaKind.of("iq", null)).isEqualTo(StanzaKind.OTHER);
        assertThat(StanzaKind.of("presence", null)).isEqualTo(StanzaKind.PRESENCE);
        assertThat(StanzaKind.of("presence", "unavailable")).isEqualTo(StanzaKind.PRESENCE);
        assertThat(StanzaKind.of("presence", "subscribe")).isEqualTo(StanzaKind.SUBSCRIBE);
        assertThat(StanzaKind.of("presence", "subscribed")).isEqualTo(StanzaKind.SUBSCRIPTION_STATE);
        assertThat(StanzaKind.of("presence", "unsubscribe")).isEqualTo(StanzaKind.SUBSCRIPTION_STATE);
        assertThat(StanzaKind.of("presence", "unsubscribed")).isEqualTo(StanzaKind.SUBSCRIPTION_STATE);
        assertThat(StanzaKind.of("presence", "probe")).isEqualTo(StanzaKind.PROBE);
        assertThat(StanzaKind.of("presence", "error")).isEqualTo(StanzaKind.ERROR);
        assertThat(StanzaKind.of("presence", "bogus")).isEqualTo(StanzaKind.OTHER);
    }

    @Test
    void theUsersOwnJidIsLeftAloneWhateverTheStanza() {
        for (StanzaKind k : StanzaKind.values()) {
            assertThat(AddressRoutes.decide(k, MAUD, OWNER)).as(k.name()).isEqualTo(Route.PASS);
            assertThat(AddressRoutes.decide(k, "Maud@BlueMind.test", OWNER)).as(k + ", other case").isEqualTo(Route.PASS);
        }
    }

    @Test
    void messagesToAnAliasAddressGoToTheJid() {
        assertThat(decide("message", "chat", AT_ALIAS, OWNER)).isEqualTo(new Route.Rewrite(MAUD));
        assertThat(decide("message", null, AT_ALIAS, OWNER)).isEqualTo(new Route.Rewrite(MAUD));
        assertThat(decide("message", "normal", AT_ALIAS, OWNER)).isEqualTo(new Route.Rewrite(MAUD));
        assertThat(decide("message", "groupchat", AT_ALIAS, OWNER)).isEqualTo(new Route.Rewrite(MAUD));
        assertThat(decide("message", "headline", AT_ALIAS, OWNER)).isEqualTo(new Route.Rewrite(MAUD));
        // another address of hers at the domain itself (a.liddell@ for alice@): the same
        assertThat(decide("message", "chat", "m.aud@bluemind.test", OWNER)).isEqualTo(new Route.Rewrite(MAUD));
        assertThat(decide("message", "chat", AT_ALIAS, new Address.Owner("Maud@BlueMind.test")))
                .as("the JID lower-cased").isEqualTo(new Route.Rewrite(MAUD));
    }

    @Test
    void aSubscriptionRequestToAnAliasAddressIsToldTheJid() {
        Route r = decide("presence", "subscribe", AT_ALIAS, OWNER);
        assertThat(r).isInstanceOf(Route.Gone.class);
        assertThat(((Route.Gone) r).jid()).isEqualTo(MAUD);
        assertThat(((Route.Gone) r).text()).contains(MAUD);
    }

    @Test
    void everythingElseToAnAliasAddressIsLeftToTigase() {
        // IQs are answered on the account's behalf (the vCard plugin for an alias as for the JID): an answer from
        // another JID would not match the request, gone would tell strangers which addresses exist
        for (String[] s : new String[][] {{"iq", "get"}, {"iq", "set"}, {"iq", "result"}, {"iq", "error"},
                {"message", "error"}, {"presence", "subscribed"}, {"presence", "unsubscribe"},
                {"presence", "unsubscribed"}, {"presence", "probe"}, {"presence", null}, {"presence", "unavailable"},
                {"presence", "error"}}) {
            assertThat(decide(s[0], s[1], AT_ALIAS, OWNER)).as(s[0] + " " + s[1]).isEqualTo(Route.PASS);
        }
    }

    @Test
    void aMessageToNobodyBouncesExceptAutomaticOnes() {
        String nobody = "nobody@bluemind.test";
        for (String type : new String[] {"chat", null, "normal", "groupchat"}) {
            assertThat(decide("message", type, nobody, Address.NOBODY)).as(type)
                    .isEqualTo(new Route.Bounce("no user has this address"));
        }
        assertThat(decide("message", "headline", nobody, Address.NOBODY)).isEqualTo(Route.DROP);
        assertThat(decide("message", "error", nobody, Address.NOBODY)).as("never an error to an error").isEqualTo(Route.DROP);
    }

    @Test
    void presenceToNobody() {
        String nobody = "nobody@corp.test";
        assertThat(decide("presence", "subscribe", nobody, Address.NOBODY)).isEqualTo(Route.UNSUBSCRIBED);
        for (String type : new String[] {"subscribed", "unsubscribe", "unsubscribed", null, "unavailable", "error"}) {
            assertThat(decide("presence", type, nobody, Address.NOBODY)).as(String.valueOf(type)).isEqualTo(Route.DROP);
        }
        assertThat(decide("presence", "probe", nobody, Address.NOBODY)).as("Tigase answers probes").isEqualTo(Route.PASS);
    }

    @Test
    void iqsToNobodyAreAnsweredByTigaseAsForAnyAccount() {
        // one answer each, by the processor that handles it (vCard: item-not-found, as for a stranger asking a user)
        assertThat(decide("iq", "get", "nobody@bluemind.test", Address.NOBODY)).isEqualTo(Route.PASS);
        assertThat(decide("iq", "set", "nobody@bluemind.test", Address.NOBODY)).isEqualTo(Route.PASS);
        assertThat(decide("iq", "result", "nobody@bluemind.test", Address.NOBODY)).isEqualTo(Route.DROP);
        assertThat(decide("iq", "error", "nobody@bluemind.test", Address.NOBODY)).isEqualTo(Route.DROP);
    }

    @Test
    void whatTheDirectoryCannotTellAboutIsLeftToTigase() {
        for (StanzaKind k : StanzaKind.values()) {
            assertThat(AddressRoutes.decide(k, AT_ALIAS, Address.UNKNOWN)).as(k.name()).isEqualTo(Route.PASS);
        }
    }
}
