package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.caps.EntityCapsManager;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a client is offered in each phase of a login on the shipped configuration, read as raw XML over a socket
 * (issue 26): before STARTTLS only STARTTLS, required; after TLS the login mechanisms (PLAIN only; SASL2 beside classic
 * SASL: {@link Sasl2E2eIT}); after a classic login, binding and the session features (stream management, CSI, roster
 * versioning). Stream compression (XEP-0138, Tigase's {@code zlib} processor, on by default before and after TLS) is
 * offered in no phase, and a client asking for it anyway is not compressed (docs/operators-guide.md, "Stream
 * compression"). After login the features carry the server's XEP-0115 capabilities, well-formed: {@code hash='sha-1'}
 * and a {@code ver} that this class recomputes from the disco#info answered at {@code node#ver} (no repeated feature
 * or identity, the serverinfo form when there is one), that Smack's verifier accepts, and that slixmpp's XEP-0115
 * plugin verifies and keeps for the domain (Known Tigase issues: Tigase 8.4.0 wrote {@code SHA-1} and hashed a
 * disco#info with {@code http://jabber.org/protocol/commands} twice).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamFeaturesE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String COMPRESSION_FEATURE = "http://jabber.org/features/compress";
    private static final String COMPRESS_REQUEST = "<compress xmlns='http://jabber.org/protocol/compress'><method>zlib</method></compress>";

    private E2eStack stack;
    private String user;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
        if (stack != null) {
            user = "feat-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
            stack.core.addUser(user, "feat-pw", "hasIM");
        }
    }

    @Test
    void beforeStartTlsOnlyStartTlsIsOfferedAndRequired() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (RawXmppStream s = RawXmppStream.connect()) {
            String features = s.open(DOMAIN);
            System.out.println("features before STARTTLS: " + features);
            assertThat(features).contains("urn:ietf:params:xml:ns:xmpp-tls").contains("<required/>")
                    .doesNotContain(COMPRESSION_FEATURE).doesNotContain("<mechanism");
        }
    }

    @Test
    void afterTlsBeforeLoginPlainIsOfferedAndNoCompression() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN)) {
            String features = s.open(DOMAIN);
            System.out.println("features after TLS, before login: " + features);
            assertThat(features).doesNotContain(COMPRESSION_FEATURE).doesNotContain("urn:ietf:params:xml:ns:xmpp-tls");
            assertThat(mechanisms(features, "urn:ietf:params:xml:ns:xmpp-sasl")).isEqualTo("PLAIN");
        }
    }

    @Test
    void afterLoginBindingIsOfferedAndNoCompression() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN)) {
            s.open(DOMAIN);
            s.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + RawXmppStream.plain(user, "feat-pw") + "</auth>");
            assertThat(s.readElement("success", "failure")).startsWith("<success");
            String features = s.open(DOMAIN);
            System.out.println("features after login: " + features);
            assertThat(features).contains("urn:ietf:params:xml:ns:xmpp-bind").contains("urn:xmpp:sm:3")
                    .doesNotContain(COMPRESSION_FEATURE).doesNotContain("<mechanism");
        }
    }

    @Test
    void aClientAskingForCompressionAfterTlsIsNotCompressed() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN)) {
            s.open(DOMAIN);
            // Tigase leaves the request unanswered (no processor handles it); the stream goes on uncompressed: the
            // login that follows is answered in plain XML
            s.send(COMPRESS_REQUEST);
            s.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + RawXmppStream.plain(user, "feat-pw") + "</auth>");
            String answer = s.readElement("success", "failure", "compressed");
            assertThat(answer).startsWith("<success");
        }
    }

    /** The mechanisms listed in the features under the given namespace, comma-separated, in order. */
    static String mechanisms(String features, String xmlns) {
        int at = features.indexOf(xmlns);
        if (at < 0) {
            return "";
        }
        String rest = features.substring(at);
        int end = rest.indexOf(xmlns.equals("urn:xmpp:sasl:2") ? "</authentication>" : "</mechanisms>");
        String block = rest.substring(0, end >= 0 ? end : rest.length());
        // SASL2's own mechanisms only: <inline> holds FAST's (<fast><mechanism>HT-SHA-256-NONE</mechanism></fast>)
        int inline = block.indexOf("<inline>");
        block = inline >= 0 ? block.substring(0, inline) : block;
        StringBuilder names = new StringBuilder();
        var m = java.util.regex.Pattern.compile("<mechanism>([^<]+)</mechanism>").matcher(block);
        while (m.find()) {
            names.append(names.length() == 0 ? "" : ",").append(m.group(1));
        }
        return names.toString();
    }

    private static final String CAPS_XMLNS = "http://jabber.org/protocol/caps";
    private static final String DISCO_INFO_XMLNS = "http://jabber.org/protocol/disco#info";

    /** The {@code <c/>} of the features after a raw login, as attribute name to value; empty map when there is none. */
    private Map<String, String> capsAfterRawLogin(RawXmppStream s) throws Exception {
        s.open(DOMAIN);
        s.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + RawXmppStream.plain(user, "feat-pw") + "</auth>");
        assertThat(s.readElement("success", "failure")).startsWith("<success");
        String features = s.open(DOMAIN);
        System.out.println("features after login: " + features);
        Matcher c = Pattern.compile("<c\\s[^>]*xmlns=[\"']" + Pattern.quote(CAPS_XMLNS) + "[\"'][^>]*>").matcher(features);
        Map<String, String> attributes = new TreeMap<>();
        if (c.find()) {
            Matcher a = Pattern.compile("([\\w:]+)=[\"']([^\"']*)[\"']").matcher(c.group());
            while (a.find()) {
                attributes.put(a.group(1), a.group(2).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                        .replace("&apos;", "'").replace("&quot;", "\""));
            }
        }
        return attributes;
    }

    @Test
    void afterLoginTheServersEntityCapsAreWellFormedAndMatchItsDiscoInfo() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN)) {
            Map<String, String> caps = capsAfterRawLogin(s);
            System.out.println("e2e caps: <c/> in the features after login: " + caps);
            assertThat(caps).as("a <c xmlns='%s'/> in the features after login", CAPS_XMLNS)
                    .containsEntry("hash", "sha-1").containsKeys("node", "ver");
            s.send("<iq type='set' id='bind-1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>caps</resource></bind></iq>");
            assertThat(s.readElement("iq")).contains("result");
            String nodeVer = caps.get("node") + "#" + caps.get("ver");
            s.send("<iq type='get' id='caps-1' to='" + DOMAIN + "'><query xmlns='" + DISCO_INFO_XMLNS + "' node='"
                    + nodeVer.replace("&", "&amp;").replace("'", "&apos;") + "'/></iq>");
            Element atNode = query(s.readElement("iq"));
            s.send("<iq type='get' id='caps-2' to='" + DOMAIN + "'><query xmlns='" + DISCO_INFO_XMLNS + "'/></iq>");
            Element atDomain = query(s.readElement("iq"));

            assertThat(atNode.getAttribute("node")).isEqualTo(nodeVer);
            List<String> features = children(atNode, "feature", e -> e.getAttribute("var"));
            List<String> identities = children(atNode, "identity", e -> e.getAttribute("category") + "/"
                    + e.getAttribute("type") + "/" + e.getAttribute("xml:lang") + "/" + e.getAttribute("name"));
            System.out.println("e2e caps: disco#info at " + nodeVer + ": " + identities.size() + " identities, "
                    + features.size() + " features " + features);
            assertThat(features).as("features at node#ver").doesNotHaveDuplicates().isNotEmpty();
            assertThat(identities).as("identities at node#ver").doesNotHaveDuplicates().isNotEmpty();
            assertThat(children(atDomain, "feature", e -> e.getAttribute("var"))).as("features at the domain")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(features);

            String recomputed = ver(identities, features, forms(atNode));
            System.out.println("e2e caps: recomputed ver " + recomputed + ", advertised " + caps.get("ver"));
            assertThat(recomputed).isEqualTo(caps.get("ver"));
        }
    }

    /**
     * Over WebSocket (RFC 7395, how BlueMind's web application connects; plain on loopback as behind BlueMind's nginx,
     * no Origin as a non-browser client), the features after login carry the same well-formed {@code <c/>} as on 5222.
     */
    @Test
    void overWebSocketTheFeaturesAfterLoginCarryTheSameCaps() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        Map<String, String> overTcp;
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN)) {
            overTcp = capsAfterRawLogin(s);
        }
        java.util.concurrent.BlockingQueue<String> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.WebSocket ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("xmpp")
                .buildAsync(java.net.URI.create("ws://127.0.0.1:5290/"), new java.net.http.WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            String open = "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + DOMAIN + "' version='1.0'/>";
            ws.sendText(open, true).get(10, java.util.concurrent.TimeUnit.SECONDS);
            nextFrameWith(frames, "<stream:features");
            ws.sendText("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + RawXmppStream.plain(user, "feat-pw")
                    + "</auth>", true).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(nextFrameWith(frames, "<success")).contains("<success");
            ws.sendText(open, true).get(10, java.util.concurrent.TimeUnit.SECONDS);
            String features = nextFrameWith(frames, "<stream:features");
            System.out.println("e2e caps: features after login over WebSocket: " + features);
            Matcher c = Pattern.compile("<c\\s[^>]*xmlns=[\"']" + Pattern.quote(CAPS_XMLNS) + "[\"'][^>]*>").matcher(features);
            assertThat(c.find()).as("a <c/> in the WebSocket features after login").isTrue();
            assertThat(c.group()).containsPattern("hash=[\"']sha-1[\"']")
                    .containsPattern("ver=[\"']" + Pattern.quote(overTcp.get("ver")) + "[\"']");
        } finally {
            ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }

    private static String nextFrameWith(java.util.concurrent.BlockingQueue<String> frames, String marker) throws Exception {
        while (true) {
            String frame = frames.poll(15, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(frame).as("a WebSocket frame with " + marker).isNotNull();
            if (frame.contains(marker)) {
                return frame;
            }
        }
    }

    @Test
    void smacksEntityCapsVerifierAcceptsTheServersCaps() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        XMPPTCPConnection c = XmppClients.login(user, "feat-pw");
        try {
            DomainBareJid domain = JidCreate.domainBareFrom(DOMAIN);
            EntityCapsManager.NodeVerHash caps = EntityCapsManager.getNodeVerHashByJid(domain);
            assertThat(caps).as("Smack read the server's caps from the stream features").isNotNull();
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(c).discoverInfo(domain, caps.getNodeVer());
            boolean verified = EntityCapsManager.verifyDiscoverInfoVersion(caps.getVer(), caps.getHash(), info);
            System.out.println("e2e caps: Smack EntityCapsManager.verifyDiscoverInfoVersion(" + caps.getVer() + ", "
                    + caps.getHash() + ", disco#info at " + caps.getNodeVer() + ") = " + verified);
            assertThat(verified).isTrue();
        } finally {
            c.disconnect();
        }
    }

    @Test
    void slixmppVerifiesTheServersCaps() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String python = System.getProperty("bmx.python", Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
        Process probe = new ProcessBuilder(python, "-c", "import slixmpp").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        assumeTrue(probe.waitFor() == 0, String.format(SlixmppRoomsE2eIT.NO_SLIXMPP, python));
        String advertised;
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN)) {
            advertised = capsAfterRawLogin(s).get("ver");
        }

        Path dir = Files.createTempDirectory("slixmpp-caps");
        Path script = dir.resolve("slixmpp_caps.py");
        try (InputStream in = getClass().getResourceAsStream("/clients/slixmpp_caps.py")) {
            Files.copy(in, script);
        }
        ObjectMapper json = new ObjectMapper();
        Path config = Files.writeString(dir.resolve("config.json"), json.createObjectNode().put("host", "127.0.0.1")
                .put("port", 5222).put("domain", DOMAIN).put("user", user).put("password", "feat-pw")
                .put("ca_file", SlixmppRoomsE2eIT.caFile(stack, dir).toString())
                .put("debug_log", dir.resolve("slixmpp.log").toString()).toString());
        Path result = dir.resolve("result.json");
        Process p = new ProcessBuilder(python, script.toString(), config.toString(), result.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the slixmpp client did not finish within 2 min (see " + dir + ")");
        }
        assertThat(Files.exists(result)).as("the slixmpp client wrote its result (output: %s)",
                Files.readString(dir.resolve("output.txt"))).isTrue();
        JsonNode r = json.readTree(result.toFile());
        System.out.println("e2e caps: slixmpp " + r.path("slixmpp").asText() + ": caps feature "
                + r.path("caps_feature") + ", ver verified and kept for " + DOMAIN + ": " + r.path("verstring")
                + ", its caps log " + r.path("caps_log") + " (stanza log " + dir.resolve("slixmpp.log") + ")");
        assertThat(r.path("errors").isMissingNode()).as("slixmpp failed: %s", r.path("tracebacks")).isTrue();
        assertThat(r.path("caps_feature").asBoolean()).isTrue();
        assertThat(r.path("verstring").asText()).as("the ver slixmpp verified (log: %s; its disco#info exchange: %s)",
                r.path("caps_log"), discoLines(dir.resolve("slixmpp.log"))).isEqualTo(advertised);
    }

    /** The lines of slixmpp's stanza log that carry disco#info, for a failure message. */
    private static List<String> discoLines(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(DISCO_INFO_XMLNS)).toList() : List.of();
    }

    /** The {@code <query/>} of an IQ result, parsed. */
    private static Element query(String iq) throws Exception {
        assertThat(iq).contains("result");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(iq.getBytes(StandardCharsets.UTF_8)));
        NodeList q = d.getElementsByTagNameNS(DISCO_INFO_XMLNS, "query");
        assertThat(q.getLength()).as("a disco#info query in %s", iq).isEqualTo(1);
        return (Element) q.item(0);
    }

    private static List<String> children(Element parent, String name, java.util.function.Function<Element, String> value) {
        List<String> values = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                values.add(value.apply(e));
            }
        }
        return values;
    }

    /** Each jabber:x:data form of the query: its FORM_TYPE first, then its other fields as var followed by values. */
    private static List<Map.Entry<String, Map<String, List<String>>>> forms(Element query) {
        List<Map.Entry<String, Map<String, List<String>>>> forms = new ArrayList<>();
        for (Node n = query.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element x && "x".equals(x.getLocalName()) && "jabber:x:data".equals(x.getNamespaceURI())) {
                String type = null;
                Map<String, List<String>> fields = new TreeMap<>();
                for (Node fn = x.getFirstChild(); fn != null; fn = fn.getNextSibling()) {
                    if (fn instanceof Element field && "field".equals(field.getLocalName())) {
                        List<String> values = children(field, "value", Element::getTextContent);
                        if ("FORM_TYPE".equals(field.getAttribute("var"))) {
                            type = values.get(0);
                        } else {
                            fields.put(field.getAttribute("var"), values);
                        }
                    }
                }
                forms.add(Map.entry(type, fields));
            }
        }
        return forms;
    }

    /** XEP-0115 section 5.1, written here again on purpose (not the bundle's code): the sha-1 the client checks. */
    private static String ver(List<String> identities, List<String> features,
            List<Map.Entry<String, Map<String, List<String>>>> forms) throws Exception {
        StringBuilder s = new StringBuilder();
        identities.stream().sorted().forEach(i -> s.append(i).append('<'));
        features.stream().sorted().forEach(f -> s.append(f).append('<'));
        forms.stream().sorted(Map.Entry.comparingByKey()).forEach(form -> {
            s.append(form.getKey()).append('<');
            form.getValue().forEach((var, values) -> {
                s.append(var).append('<');
                values.stream().sorted().forEach(v -> s.append(v).append('<'));
            });
        });
        System.out.println("e2e caps: verification string " + s);
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
