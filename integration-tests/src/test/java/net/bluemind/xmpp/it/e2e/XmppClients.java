package net.bluemind.xmpp.it.e2e;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.time.Instant;
import javax.net.ssl.X509TrustManager;
import net.bluemind.xmpp.testkit.tls.AcceptAnyCertificate;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Smack clients set up as a user would in Spark or Pidgin: the email address split into user name and
 * domain, server 127.0.0.1:5222, encryption required.
 */
final class XmppClients {

    /** The test server's certificates are self-signed per domain (domains plugin): trust them as a user who accepted them. */
    static final X509TrustManager ACCEPT_SELF_SIGNED = AcceptAnyCertificate.TRUST_MANAGER;

    private XmppClients() {
    }

    /** Where the clients connect unless told otherwise: the one server of the e2e suite. */
    static final String SERVER = "127.0.0.1";

    static XMPPTCPConnection connection(String email, String password, SecurityMode security) throws Exception {
        return connection(SERVER, email, password, security, null, "e2e");
    }

    private static XMPPTCPConnection connection(String host, String email, String password, SecurityMode security,
            org.jivesoftware.smack.debugger.SmackDebuggerFactory debugger, String resource) throws Exception {
        int at = email.indexOf('@');
        XMPPTCPConnectionConfiguration.Builder builder = XMPPTCPConnectionConfiguration.builder();
        if (debugger != null) {
            builder.setDebuggerFactory(debugger);
        }
        XMPPTCPConnectionConfiguration config = builder
                .setXmppDomain(email.substring(at + 1))
                .setHost(host)
                .setPort(5222)
                .setUsernameAndPassword(email.substring(0, at), password)
                .setResource(resource)
                .setSecurityMode(security)
                .setCustomX509TrustManager(ACCEPT_SELF_SIGNED)
                .setHostnameVerifier((name, session) -> true)
                .build();
        XMPPTCPConnection c = new XMPPTCPConnection(config) {
            /**
             * Smack 4.4 waits its whole reply timeout for Tigase's closing stream tag although Tigase sends it at
             * once (seen with a raw TLS client: 2 ms); a short wait keeps the suite from idling 10 s per logout.
             */
            @Override
            public void disconnect() {
                setReplyTimeout(1_000);
                super.disconnect();
            }
        };
        c.setReplyTimeout(10_000);
        return c;
    }

    /** Connected and logged in with encryption required. */
    static XMPPTCPConnection login(String email, String password) throws Exception {
        return loginAt(SERVER, email, password, "e2e");
    }

    /** Logged in at one server (a cluster node's address) under the given resource. */
    static XMPPTCPConnection loginAt(String host, String email, String password, String resource) throws Exception {
        XMPPTCPConnection c = connected(() -> connection(host, email, password, SecurityMode.required, null, resource));
        c.login();
        return c;
    }

    /**
     * Logged in without XEP-0198 stream management, for bursts of thousands of stanzas: Smack 4.4 deadlocks there
     * (its writer waits for acks to free its queue of unacknowledged stanzas while its reader waits for room in the
     * send queue to answer the server's ack request: seen hanging a CI run).
     */
    static XMPPTCPConnection loginWithoutStreamManagement(String email, String password) throws Exception {
        XMPPTCPConnection c = connected(() -> connection(email, password, SecurityMode.required));
        c.setUseStreamManagement(false);
        c.login();
        return c;
    }

    /** Logged in, with everything it receives recorded as raw XML in {@code capture}. */
    static XMPPTCPConnection loginRecording(String email, String password, RawXmlCapture capture) throws Exception {
        XMPPTCPConnection c = connected(() -> connection(SERVER, email, password, SecurityMode.required, capture, "e2e"));
        c.login();
        return c;
    }

    private interface NewConnection {
        XMPPTCPConnection get() throws Exception;
    }

    /**
     * Connects (stream, STARTTLS), once more on a new connection when the TLS negotiation itself broke. Stock
     * Tigase 8.4.0, without the bundle, now and then writes its {@code <proceed/>} twice when several clients
     * negotiate STARTTLS at once, and the client's TLS layer then reads XML (docs/developers-guide.md, "Known Tigase issues",
     * scripts/diagnose/starttls-stress.py): a real client reconnects; a test that did not would fail at random.
     */
    private static XMPPTCPConnection connected(NewConnection factory) throws Exception {
        XMPPTCPConnection c = factory.get();
        try {
            c.connect();
            return c;
        } catch (Exception e) {
            if (!brokenTls(e)) {
                throw e;
            }
            System.err.println("e2e: STARTTLS negotiation broke (" + e + "), connecting once more");
            XMPPTCPConnection again = factory.get();
            again.connect();
            return again;
        }
    }

    private static boolean brokenTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }

    /** Logs in, retrying until it works or {@code max} has passed (a domain being set up). */
    static XMPPTCPConnection loginWithin(Duration max, String email, String password) throws Exception {
        return loginAtWithin(SERVER, max, email, password);
    }

    /** The same at one server (a cluster node's address). */
    static XMPPTCPConnection loginAtWithin(String host, Duration max, String email, String password) throws Exception {
        Instant deadline = Instant.now().plus(max);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return loginAt(host, email, password, "e2e");
            } catch (Exception e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw new AssertionError(email + " still cannot log in after " + max, last);
    }

    /** The SASL condition a refused login gets (fails when the login succeeds). */
    static String saslFailure(String login, String password) throws Exception {
        return saslFailureAt(SERVER, login, password);
    }

    /** The same at one server (a cluster node's address). */
    static String saslFailureAt(String host, String login, String password) throws Exception {
        XMPPTCPConnection c = connected(() -> connection(host, login, password, SecurityMode.required, null, "e2e"));
        try {
            c.login();
            throw new AssertionError(login + " logged in but should have been refused");
        } catch (SASLErrorException e) {
            return e.getSASLFailure().getSASLErrorString();
        } finally {
            c.disconnect();
        }
    }

    /** Makes two logged-in users each other's contacts (subscription both ways), waiting up to 15 s for it. */
    static void befriend(XMPPTCPConnection a, XMPPTCPConnection b) throws Exception {
        org.jivesoftware.smack.roster.Roster ra = org.jivesoftware.smack.roster.Roster.getInstanceFor(a);
        org.jivesoftware.smack.roster.Roster rb = org.jivesoftware.smack.roster.Roster.getInstanceFor(b);
        ra.setSubscriptionMode(org.jivesoftware.smack.roster.Roster.SubscriptionMode.accept_all);
        rb.setSubscriptionMode(org.jivesoftware.smack.roster.Roster.SubscriptionMode.accept_all);
        EntityBareJid aj = a.getUser().asEntityBareJid();
        EntityBareJid bj = b.getUser().asEntityBareJid();
        ra.createItemAndRequestSubscription(bj, bj.getLocalpart().toString(), null);
        rb.createItemAndRequestSubscription(aj, aj.getLocalpart().toString(), null);
        for (Instant until = Instant.now().plusSeconds(15); Instant.now().isBefore(until); Thread.sleep(200)) {
            if (both(ra, bj) && both(rb, aj)) {
                return;
            }
        }
        throw new AssertionError("no mutual subscription between " + aj + " and " + bj + " after 15 s");
    }

    private static boolean both(org.jivesoftware.smack.roster.Roster roster, EntityBareJid contact) {
        org.jivesoftware.smack.roster.RosterEntry e = roster.getEntry(contact);
        return e != null && e.getType() == org.jivesoftware.smack.roster.packet.RosterPacket.ItemType.both;
    }

    static EntityBareJid jid(String s) throws Exception {
        return JidCreate.entityBareFrom(s);
    }

    /** Every message body the connection receives from now on (chat and groupchat), in arrival order. */
    static BlockingQueue<String> inbox(XMPPTCPConnection c) {
        return bodies(c, m -> true);
    }

    /** The bodies of the messages the connection receives from now on, room messages left out. */
    static BlockingQueue<String> chatInbox(XMPPTCPConnection c) {
        return bodies(c, m -> m.getType() != Message.Type.groupchat);
    }

    private static BlockingQueue<String> bodies(XMPPTCPConnection c, Predicate<Message> wanted) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        c.addSyncStanzaListener(s -> {
            Message m = (Message) s;
            if (m.getBody() != null && wanted.test(m)) {
                q.add(m.getBody());
            }
        }, StanzaTypeFilter.MESSAGE);
        return q;
    }

    /** The bodies of the XEP-0280 carbons of one direction the connection receives from now on (carbons enabled). */
    static BlockingQueue<String> carbons(XMPPTCPConnection c, CarbonExtension.Direction wanted) throws Exception {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        CarbonManager carbons = CarbonManager.getInstanceFor(c);
        carbons.addCarbonCopyReceivedListener((direction, copy, wrapping) -> {
            if (direction == wanted && copy.getBody() != null) {
                q.add(copy.getBody());
            }
        });
        if (!carbons.getCarbonsEnabled()) {
            carbons.enableCarbons();
        }
        return q;
    }

    /** Waits up to 15 s for the message with this body in a queue of received messages. */
    static Message roomMessage(BlockingQueue<Message> inbox, String body) throws InterruptedException {
        for (Instant until = Instant.now().plusSeconds(15); Instant.now().isBefore(until); ) {
            Message m = inbox.poll(500, TimeUnit.MILLISECONDS);
            if (m != null && body.equals(m.getBody())) {
                return m;
            }
        }
        throw new AssertionError("no room message '" + body + "' within 15 s");
    }
}
