package net.bluemind.xmpp.it.e2e;

import static net.bluemind.xmpp.it.e2e.PeerClients.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.bluemind.xmpp.testkit.services.ProsodyPeer;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Push notifications (XEP-0357) to a phone app's push service on another server (issue 26), on the shipped
 * configuration. The push service is a stand-in: Debian's Prosody on its own address with a publish-subscribe
 * component ({@code pubsub.partner.test}), where a user of that server ("the app server") owns the phone's node and
 * reads what is published to it, as Conversations' and Monal's app servers do. The account advertises
 * {@code urn:xmpp:push:0} on its bare JID; a phone enables push on that node; then, while its only session is gone,
 * or hibernated after a dropped connection, a colleague's message makes the server publish a notification over
 * server-to-server: a summary form with the message count and neither the message's text nor its sender (the
 * shipped configuration: what a phone's notification carries goes through Google's or Apple's servers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String PEER = E2eStack.PEER_DOMAIN;
    private static final String PUSH_SERVICE = "pubsub." + PEER;
    private static final String PASSWORD = "push-pw";
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private E2eStack stack;
    private ProsodyPeer prosody;
    private String skip;
    private XMPPTCPConnection appServer;
    private final BlockingQueue<String> published = new LinkedBlockingQueue<>();

    @BeforeAll
    void start() throws Exception {
        stack = E2eStack.get();
        skip = E2eStack.whyNot(stack, "Prosody", ProsodyPeer.unavailable());
        if (skip != null) {
            return;
        }
        String app = "app" + RUN + "@" + PEER;
        prosody = new ProsodyPeer(PEER, ProsodyPeer.FIRST_ADDRESS, Map.of(DOMAIN, "127.0.0.1"),
                ProsodyPeer.Options.dialback().withPubsub(app)).start();
        prosody.addUser(local(app), PASSWORD);
        appServer = PeerClients.remoteUser(prosody.address(), ProsodyPeer.C2S_PORT, app, PASSWORD, "app");
        // the s2s links to the push service up before the first notification: in CI (twice, never here) the first one,
        // published over a link being opened, never arrived (Known Tigase issues); FederationE2eIT tests new links
        String warm = phoneUser("warm");
        XMPPTCPConnection warmer = XmppClients.login(warm, PASSWORD);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    IQ info = warmer.sendIqRequestAndWaitForResponse(new RawIq("query",
                            "http://jabber.org/protocol/disco#info", "", IQ.Type.get, JidCreate.from(PUSH_SERVICE)));
                    System.out.println("push: links to " + PUSH_SERVICE + " up at try " + attempt + ": " + info.getType());
                    break;
                } catch (org.jivesoftware.smack.SmackException.NoResponseException noAnswer) {
                    if (attempt == 4) {
                        throw noAnswer;
                    }
                }
            }
        } finally {
            warmer.disconnect();
        }
        appServer.addAsyncStanzaListener(s -> published.add(s.toXML().toString()),
                s -> s instanceof Message && s.getFrom() != null && s.getFrom().toString().equals(PUSH_SERVICE));
    }

    @AfterAll
    void stop() {
        if (appServer != null) {
            appServer.disconnect();
        }
        if (prosody != null) {
            System.out.println("push: Prosody's log, last lines:\n" + tail(prosody.log(), 40));
            prosody.close();
        }
    }

    /** The app server's node for one phone, which any server may publish to (the phone's server publishes). */
    private String nodeForAPhone(String name) throws Exception {
        String node = name + RUN;
        IQ created = appServer.sendIqRequestAndWaitForResponse(RawIq.pubsub(IQ.Type.set, JidCreate.from(PUSH_SERVICE),
                "<create node='" + node + "'/><configure><x xmlns='jabber:x:data' type='submit'>"
                        + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>"
                        + "<field var='pubsub#publish_model'><value>open</value></field></x></configure>"));
        assertThat(created.getType()).as("node created on the push service").isEqualTo(IQ.Type.result);
        IQ subscribed = appServer.sendIqRequestAndWaitForResponse(RawIq.pubsub(IQ.Type.set, JidCreate.from(PUSH_SERVICE),
                "<subscribe node='" + node + "' jid='" + appServer.getUser().asBareJid() + "'/>"));
        assertThat(subscribed.getType()).isEqualTo(IQ.Type.result);
        return node;
    }

    private String phoneUser(String name) {
        String email = "push-" + name + RUN + "@" + DOMAIN;
        stack.core.addUser(email, PASSWORD, "hasIM");
        return email;
    }

    @Test
    void theAccountAdvertisesPushOnItsBareJid() throws Exception {
        assumeTrue(skip == null, skip);
        String phone = phoneUser("disco");
        XMPPTCPConnection c = XmppClients.login(phone, PASSWORD);
        try {
            IQ info = c.sendIqRequestAndWaitForResponse(new RawIq("query", "http://jabber.org/protocol/disco#info", "",
                    IQ.Type.get, JidCreate.from(phone)));
            assertThat(info.toXML().toString()).contains("urn:xmpp:push:0");
        } finally {
            c.disconnect();
        }
    }

    @Test
    void aMessageWhileThePhonesOnlySessionIsGoneIsNotifiedWithoutItsTextOrSender() throws Exception {
        assumeTrue(skip == null, skip);
        String phone = phoneUser("gone");
        String node = nodeForAPhone("gone");
        XMPPTCPConnection c = XmppClients.login(phone, PASSWORD);
        try {
            IQ enabled = c.sendIqRequestAndWaitForResponse(enablePush(node));
            assertThat(enabled.getType()).as("push enabled").isEqualTo(IQ.Type.result);
        } finally {
            c.disconnect();
        }
        String word = "pushgone" + RUN;
        sendFromColleague(phone, word, phone + "/e2e");
        String notification = notificationFor(node, 30);
        System.out.println("push: published to the app server's node: " + notification);
        assertThat(notification).as("a notification on the phone's node").isNotNull().containsPattern("node=[\"']" + node + "[\"']")
                .contains("message-count")
                // Tigase names the form urn:xmpp:push:0:summary where XEP-0357 says urn:xmpp:push:summary (Known Tigase issues)
                .containsPattern("urn:xmpp:push(:0)?:summary");
        assertThat(notification).as("neither the text nor the sender leaves the server")
                .doesNotContain(word).doesNotContain("last-message-body").doesNotContain("last-message-sender");
    }

    @Test
    void aMessageWhileThePhonesSessionIsHibernatedIsNotified() throws Exception {
        assumeTrue(skip == null, skip);
        String phone = phoneUser("asleep");
        String node = nodeForAPhone("asleep");
        RawXmppStream s = RawXmppStream.loggedInAt(XmppClients.SERVER, DOMAIN, phone, PASSWORD);
        s.bindResumable("phone");
        s.send("<iq type='set' id='p1'><enable xmlns='urn:xmpp:push:0' jid='" + PUSH_SERVICE + "' node='" + node + "'/></iq>");
        assertThat(s.readElement("iq").replace("'", "\"")).contains("id=\"p1\"").contains("type=\"result\"");
        s.drop();
        // the server hibernates the session once it has read the reset; a message reaching the session before that
        // waits in its resend queue for the hibernation's end (Known Tigase issues): seen once on a loaded machine
        Thread.sleep(3000);

        String word = "pushasleep" + RUN;
        long sent = System.nanoTime();
        sendFromColleague(phone, word, null);
        // stock Tigase 8.4.0 notified only when the hibernation ended (stream management's max, 60 s; 64 to more than
        // 90 s seen in CI) and the message went to offline storage; the bundle's trigger notifies at once
        String notification = notificationFor(node, 20);
        long afterMs = (System.nanoTime() - sent) / 1_000_000;
        System.out.println("push: a hibernated session's message notified after " + afterMs + " ms");
        System.out.println("push: published for a hibernated session: " + notification);
        assertThat(notification).as("a notification on the phone's node within 20 s, not at the hibernation's end")
                .isNotNull().containsPattern("node=[\"']" + node + "[\"']");
        assertThat(notification).doesNotContain(word);
    }

    /**
     * The next notification published to {@code node} within {@code seconds}, or null; notifications to other nodes
     * (another case's, e.g. a hibernated session's second one when its hibernation ends) are skipped.
     */
    private String notificationFor(String node, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Pattern onNode = Pattern.compile("node=[\"']" + Pattern.quote(node) + "[\"']");
        for (long left; (left = until - System.nanoTime()) > 0; ) {
            String n = published.poll(left, TimeUnit.NANOSECONDS);
            if (n != null && onNode.matcher(n).find()) {
                return n;
            }
            if (n != null) {
                System.out.println("push: skipped a notification to another node: " + n);
            }
        }
        return null;
    }

    /** XEP-0357's enable, as a phone sends it: {@code <enable xmlns='urn:xmpp:push:0' jid='…' node='…'/>}. */
    private static IQ enablePush(String node) {
        IQ iq = new IQ("enable", "urn:xmpp:push:0") {
            @Override
            protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
                xml.attribute("jid", PUSH_SERVICE).attribute("node", node);
                xml.setEmptyElement();
                return xml;
            }
        };
        iq.setType(IQ.Type.set);
        return iq;
    }

    /** A colleague writes {@code word} to the phone's bare JID, once the session {@code goneResource} (if any) is closed. */
    private void sendFromColleague(String phone, String word, String goneResource) throws Exception {
        String colleague = phoneUser("colleague" + word.length() + UUID.randomUUID().toString().substring(0, 4));
        XMPPTCPConnection c = XmppClients.login(colleague, PASSWORD);
        try {
            if (goneResource != null) {
                // a logout is processed by the server a little after the client's last word: until then the message
                // would go to the closing session instead of offline storage, and no notification is due
                PeerClients.awaitTrue(() -> {
                    try {
                        c.sendIqRequestAndWaitForResponse(new RawIq("ping", "urn:xmpp:ping", "", IQ.Type.get,
                                JidCreate.from(goneResource)));
                        return false;
                    } catch (org.jivesoftware.smack.XMPPException.XMPPErrorException closed) {
                        return true;
                    }
                }, goneResource + "'s session closed on the server");
            }
            PeerClients.send(c, JidCreate.entityBareFrom(phone), word);
        } finally {
            c.disconnect();
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
