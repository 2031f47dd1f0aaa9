package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import net.bluemind.xmpp.calls.CallsConfig;
import net.bluemind.xmpp.calls.ExternalService;
import net.bluemind.xmpp.calls.ExternalServices;
import net.bluemind.xmpp.calls.SecretFile;
import net.bluemind.xmpp.calls.Transport;
import net.bluemind.xmpp.testkit.services.CoturnServer;
import net.bluemind.xmpp.testkit.services.TurnClient;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.UnparsedIQ;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.impl.JidCreate;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Calls across NAT (issue 26): XEP-0215 external services pointing at a real coturn (Debian's, started by the test:
 * testkit {@link CoturnServer}, TURN REST scheme with the secret the server reads from {@code turn-secret-file}).
 * A logged-in user asks their server for the services and gets STUN and TURN over UDP and TCP, the TURN entries with
 * a username {@code <expiry>:<bare JID>} and the HMAC-SHA1 password coturn expects; coturn's own client
 * ({@code turnutils_uclient}) allocates relays through coturn with them over UDP and over TCP; credentials the
 * engine makes for a past time, and a wrong password, are refused by coturn. Before the secret file exists every
 * request gets exactly one service-unavailable; a user without IM cannot log in, so never gets credentials. Skips
 * saying why when coturn cannot run here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallsE2eIT {

    private static final String NS = "urn:xmpp:extdisco:2";
    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String PASSWORD = "calls-pw";
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final String SECRET = "calls-secret-" + RUN;

    private E2eStack stack;
    private CoturnServer coturn;
    private String noCoturn;
    private XMPPTCPConnection ann;
    private final String annJid = "ann.calls" + RUN + "@" + DOMAIN;
    private final String noIm = "ned.calls" + RUN + "@" + DOMAIN;

    @BeforeAll
    void start() throws Exception {
        stack = E2eStack.get();
        if (stack == null) {
            return;
        }
        stack.core.addUser(annJid, PASSWORD, "hasIM");
        stack.core.addUser(noIm, PASSWORD);
        Files.deleteIfExists(stack.turnSecretFile());
        noCoturn = CoturnServer.unavailable();
        if (noCoturn != null) {
            System.out.println("CallsE2eIT: coturn cannot run here, the relay checks skip: " + noCoturn);
        }
        // without stream management: Tigase then closes the stream properly and disconnecting does not wait
        ann = XmppClients.loginWithoutStreamManagement(annJid, PASSWORD);
    }

    @BeforeEach
    void needsStack() {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
    }

    @AfterAll
    void stop() throws Exception {
        if (ann != null) {
            ann.disconnect();
        }
        if (coturn != null) {
            coturn.close();
        }
        if (stack != null) {
            Files.deleteIfExists(stack.turnSecretFile());
        }
    }

    @Test
    @Order(1)
    void theServerAdvertisesExternalServicesAndWithoutItsSecretAnswersServiceUnavailableOnce() throws Exception {
        assertThat(ServiceDiscoveryManager.getInstanceFor(ann).discoverInfo(JidCreate.domainBareFrom(DOMAIN))
                .containsFeature(NS)).as("urn:xmpp:extdisco:2 in the domain's disco#info").isTrue();
        Stanza reply = one(request("services", "", IQ.Type.get));
        assertThat(errorOf(reply)).isEqualTo(StanzaError.Condition.service_unavailable);
    }

    @Test
    @Order(2)
    void aUserGetsStunAndTurnOverUdpAndTcpWithCredentialsForThemselves() throws Exception {
        Files.writeString(stack.turnSecretFile(), SECRET + "\n", StandardCharsets.UTF_8);
        long asked = Instant.now().getEpochSecond();
        List<Map<String, String>> services = services(one(request("services", "", IQ.Type.get)));
        System.out.println("CallsE2eIT: services " + services);
        assertThat(services).extracting(s -> s.get("type") + "/" + s.get("transport") + "@" + s.get("host") + ":" + s.get("port"))
                .containsExactly("stun/udp@127.0.0.1:" + CoturnServer.PORT, "stun/tcp@127.0.0.1:" + CoturnServer.PORT,
                        "turn/udp@127.0.0.1:" + CoturnServer.PORT, "turn/tcp@127.0.0.1:" + CoturnServer.PORT);
        assertThat(services.subList(0, 2)).allSatisfy(stun -> assertThat(stun).doesNotContainKeys("username", "password"));
        for (Map<String, String> turn : services.subList(2, 4)) {
            String username = turn.get("username");
            long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
            assertThat(username.substring(username.indexOf(':') + 1)).isEqualTo(annJid);
            assertThat(expiry - asked).as("lifetime (s)").isBetween(86_400L - 5, 86_400L + 5);
            assertThat(turn.get("password")).as("base64(HMAC-SHA1(secret, username))").isEqualTo(hmac(SECRET, username));
            assertThat(turn.get("restricted")).isIn("1", "true");
            assertThat(Instant.parse(turn.get("expires")).getEpochSecond()).isEqualTo(expiry);
        }
    }

    @Test
    @Order(3)
    void coturnAllocatesRelaysWithThoseCredentialsOverUdpAndTcp() throws Exception {
        startCoturn();
        Map<String, String> turn = services(one(request("services", " type='turn'", IQ.Type.get))).get(0);
        for (String transport : List.of("udp", "tcp")) {
            TurnClient.Allocation a = TurnClient.allocate("127.0.0.1", coturn.port(), transport, turn.get("username"),
                    turn.get("password"));
            System.out.println("CallsE2eIT: turnutils_uclient over " + transport + ": exit " + a.exitCode() + ", relays "
                    + a.relays() + ", " + a.took().toMillis() + " ms");
            assertThat(a.succeeded()).as("allocation over %s:\n%s", transport, a.output()).isTrue();
        }
        assertThat(coturn.logText()).contains("user <" + turn.get("username") + ">: incoming packet ALLOCATE processed, success");
    }

    @Test
    @Order(4)
    void expiredCredentialsAndAWrongPasswordAreRefusedByCoturn() throws Exception {
        startCoturn();
        CallsConfig config = new CallsConfig(List.of("127.0.0.1"), CoturnServer.PORT, List.of(Transport.UDP),
                stack.turnSecretFile(), Duration.ofDays(1));
        ExternalService expired = new ExternalServices(config, new SecretFile(stack.turnSecretFile()), Instant::now)
                .services(annJid, "turn", Instant.now().minus(Duration.ofDays(1)).minusSeconds(60)).get(0);
        assertThat(expired.expires()).isBefore(Instant.now());
        TurnClient.Allocation refused = TurnClient.allocate("127.0.0.1", coturn.port(), "udp", expired.username(),
                expired.password());
        System.out.println("CallsE2eIT: expired credentials: exit " + refused.exitCode() + ", " + refused.took().toMillis() + " ms");
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.output()).contains("Cannot complete Allocation");
        assertThat(coturn.logText()).contains("user <" + expired.username() + ">: incoming packet message processed, error 401");

        Map<String, String> turn = services(one(request("services", " type='turn'", IQ.Type.get))).get(0);
        TurnClient.Allocation wrong = TurnClient.allocate("127.0.0.1", coturn.port(), "udp", turn.get("username"),
                hmac("not-the-secret", turn.get("username")));
        assertThat(wrong.succeeded()).isFalse();
        assertThat(wrong.output()).contains("Cannot complete Allocation");
    }

    @Test
    @Order(5)
    void filtersCredentialsRequestsAndBadRequestsGetExactlyOneAnswerEach() throws Exception {
        Files.writeString(stack.turnSecretFile(), SECRET + "\n", StandardCharsets.UTF_8);
        assertThat(services(one(request("services", " type='stun'", IQ.Type.get))))
                .extracting(s -> s.get("type")).containsExactly("stun", "stun");
        assertThat(services(one(request("services", " type='turns'", IQ.Type.get)))).isEmpty();
        List<Map<String, String>> credentials = services(one(new RawIq("credentials", NS,
                "<service host='127.0.0.1' type='turn'/>", IQ.Type.get, JidCreate.domainBareFrom(DOMAIN))));
        assertThat(credentials).extracting(s -> s.get("type")).containsExactly("turn", "turn");
        assertThat(credentials.get(0).get("password")).isEqualTo(hmac(SECRET, credentials.get(0).get("username")));
        assertThat(errorOf(one(new RawIq("credentials", NS, "<service host='elsewhere.example' type='turn'/>",
                IQ.Type.get, JidCreate.domainBareFrom(DOMAIN))))).isEqualTo(StanzaError.Condition.item_not_found);
        assertThat(errorOf(one(request("services", "", IQ.Type.set)))).isEqualTo(StanzaError.Condition.bad_request);
    }

    @Test
    @Order(6)
    void aUserWithoutImCannotLogInSoNeverGetsCredentials() throws Exception {
        assertThat(XmppClients.saslFailure(noIm, PASSWORD)).isEqualTo("account-disabled");
    }

    private void startCoturn() {
        assumeTrue(noCoturn == null, "coturn cannot run here: " + noCoturn);
        if (coturn == null) {
            long t = System.nanoTime();
            coturn = new CoturnServer(SECRET, DOMAIN).start();
            System.out.println("CallsE2eIT: coturn pid " + coturn.pid() + " ready in "
                    + Duration.ofNanos(System.nanoTime() - t).toMillis() + " ms");
        }
    }

    /** {@code <element xmlns='urn:xmpp:extdisco:2' attributes/>} to the user's domain. */
    private static IQ request(String element, String attributes, IQ.Type type) throws Exception {
        return new EmptyChildIq(element, attributes, type);
    }

    /** An IQ whose child is one empty element with raw attributes, as a client writes {@code <services type='turn'/>}. */
    private static final class EmptyChildIq extends IQ {
        private final String attributes;

        EmptyChildIq(String element, String attributes, IQ.Type type) throws Exception {
            super(element, NS);
            this.attributes = attributes;
            setType(type);
            setTo(JidCreate.domainBareFrom(DOMAIN));
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.append(attributes);
            xml.setEmptyElement();
            return xml;
        }
    }

    /** The one reply the request gets (RFC 6120 8.2.3: exactly one, checked for 300 ms after the first). */
    private Stanza one(IQ request) throws Exception {
        List<Stanza> replies = RawIq.repliesTo(ann, List.of(request), 300).get(0);
        assertThat(replies).as("replies to %s", request.toXML()).hasSize(1);
        return replies.get(0);
    }

    private static StanzaError.Condition errorOf(Stanza reply) {
        assertThat(reply.getError()).as("an error reply: %s", reply.toXML()).isNotNull();
        return reply.getError().getCondition();
    }

    /** The {@code <service/>} attributes of a result, in order. */
    private static List<Map<String, String>> services(Stanza reply) throws Exception {
        assertThat(reply.getError()).as("a result: %s", reply.toXML()).isNull();
        assertThat(reply).isInstanceOf(UnparsedIQ.class);
        UnparsedIQ iq = (UnparsedIQ) reply;
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root = f.newDocumentBuilder().parse(new InputSource(new StringReader(iq.getContent().toString())))
                .getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        List<Map<String, String>> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS(NS, "service");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int a = 0; a < e.getAttributes().getLength(); a++) {
                attributes.put(e.getAttributes().item(a).getNodeName(), e.getAttributes().item(a).getNodeValue());
            }
            out.add(attributes);
        }
        return out;
    }

    private static String hmac(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
