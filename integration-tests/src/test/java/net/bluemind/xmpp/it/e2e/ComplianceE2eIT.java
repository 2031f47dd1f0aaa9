package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.caps.EntityCapsManager;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * What the compliance checkers clients' authors use ask, asked exactly as they ask it: the account's own
 * disco#info (XEP-0398), the domain's contact addresses (XEP-0157) and in-band registration (XEP-0077) before
 * and after login. Every request gets exactly one reply. The server's XEP-0115 caps, which hash that form when the
 * addresses are set, pass Smack's verifier with and without it.
 */
class ComplianceE2eIT {

    private static final String REGISTER = "jabber:iq:register";

    @BeforeAll
    static void stack() throws Exception {
        assumeTrue(E2eStack.get() != null, E2eStack.SKIP_MESSAGE);
    }

    private static IQ register(IQ.Type type, String inner) {
        return new RawIq("query", REGISTER, inner, type, null);
    }

    /** The one reply each request got (asserting there is exactly one), printed for the record. */
    private static List<Stanza> onlyReplies(XMPPTCPConnection c, List<IQ> requests) throws Exception {
        List<List<Stanza>> replies = RawIq.repliesTo(c, requests, 1_000);
        List<Stanza> one = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            System.out.println("e2e compliance: " + requests.get(i).toXML() + " -> " + replies.get(i));
            assertThat(replies.get(i)).as("replies to " + requests.get(i).toXML()).hasSize(1);
            one.add(replies.get(i).get(0));
        }
        return one;
    }

    private static void assertRefused(Stanza reply, String text) {
        assertThat(((IQ) reply).getType()).isEqualTo(IQ.Type.error);
        StanzaError error = reply.getError();
        assertThat(error.getCondition()).isEqualTo(StanzaError.Condition.not_allowed);
        assertThat(error.getType()).isEqualTo(StanzaError.Type.CANCEL);
        assertThat(error.getDescriptiveText()).startsWith(text);
    }

    @Test
    void theAccountAdvertisesPepVCardConversion() throws Exception {
        XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
        try {
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice)
                    .discoverInfo(XmppClients.jid("alice@bluemind.test"));
            System.out.println("e2e compliance: account disco#info " + info.toXML());
            assertThat(info.containsFeature("urn:xmpp:pep-vcard-conversion:0")).isTrue();
            assertThat(info.containsFeature("vcard-temp")).isTrue();
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void registrationBeforeLoginIsRefusedAsManagedInBlueMind() throws Exception {
        XMPPTCPConnection c = XmppClients.connection("nobody@bluemind.test", "unused", SecurityMode.required);
        c.connect(); // stream and STARTTLS, no login
        try {
            assertThat(c.hasFeature("register", "http://jabber.org/features/iq-register"))
                    .as("register stream feature").isFalse();
            List<Stanza> replies = onlyReplies(c, List.of(register(IQ.Type.get, ""),
                    register(IQ.Type.set, "<username>newcomer</username><password>secret</password>")));
            for (Stanza reply : replies) {
                assertRefused(reply, "Accounts are managed in BlueMind");
            }
        } finally {
            c.disconnect();
        }
    }

    @Test
    void aLoggedInUserCannotRegisterOrChangeThePasswordHere() throws Exception {
        XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
        try {
            DiscoverInfo server = ServiceDiscoveryManager.getInstanceFor(alice)
                    .discoverInfo(JidCreate.domainBareFrom("bluemind.test"));
            assertThat(server.containsFeature(REGISTER)).as("server advertises " + REGISTER).isFalse();
            List<Stanza> replies = onlyReplies(alice, List.of(register(IQ.Type.get, ""),
                    register(IQ.Type.set, "<username>alice</username><password>another-pw</password>"),
                    register(IQ.Type.set, "<remove/>")));
            assertRefused(replies.get(0), "Accounts and passwords are managed in BlueMind");
            assertRefused(replies.get(1), "Passwords are managed in BlueMind");
            assertRefused(replies.get(2), "Accounts are managed in BlueMind");
        } finally {
            alice.disconnect();
        }
        // the password is still BlueMind's
        XmppClients.login("alice@bluemind.test", "alice-pw").disconnect();
    }

    private static final String SERVER_INFO = "http://jabber.org/network/serverinfo";

    private static DataForm serverInfo() throws Exception {
        XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
        try {
            ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(alice);
            DiscoverInfo info = disco.discoverInfo(JidCreate.domainBareFrom("bluemind.test"));
            System.out.println("e2e compliance: domain disco#info " + info.toXML());
            // the server's XEP-0115 caps cover the form too (StreamFeaturesE2eIT checks them without one)
            EntityCapsManager.NodeVerHash caps = EntityCapsManager.getNodeVerHashByJid(JidCreate.domainBareFrom("bluemind.test"));
            assertThat(caps).as("caps in the stream features").isNotNull();
            DiscoverInfo atNode = disco.discoverInfo(JidCreate.domainBareFrom("bluemind.test"), caps.getNodeVer());
            boolean verified = EntityCapsManager.verifyDiscoverInfoVersion(caps.getVer(), caps.getHash(), atNode);
            System.out.println("e2e compliance: caps " + caps.getNodeVer() + " (" + caps.getHash() + ") verified by Smack: "
                    + verified + ", forms " + atNode.getExtensions(DataForm.class).size());
            assertThat(verified).isTrue();
            return info.getExtensions(DataForm.class).stream().filter(f -> SERVER_INFO.equals(f.getFormType()))
                    .findFirst().orElse(null);
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void theDomainPublishesTheConfiguredContactAddresses() throws Exception {
        E2eStack stack = E2eStack.get();
        assertThat(serverInfo()).as("no serverinfo form with the settings empty").isNull();
        stack.restartWith(Map.of("abuse-addresses", "mailto:abuse@bluemind.test, xmpp:abuse@bluemind.test",
                "admin-addresses", "mailto:admin@bluemind.test"));
        try {
            DataForm form = serverInfo();
            assertThat(form).isNotNull();
            assertThat(form.getField("abuse-addresses").getValuesAsString())
                    .containsExactly("mailto:abuse@bluemind.test", "xmpp:abuse@bluemind.test");
            assertThat(form.getField("admin-addresses").getValuesAsString()).containsExactly("mailto:admin@bluemind.test");
        } finally {
            stack.restartWith(Map.of("abuse-addresses", "", "admin-addresses", "")); // the shipped defaults again
        }
    }
}
