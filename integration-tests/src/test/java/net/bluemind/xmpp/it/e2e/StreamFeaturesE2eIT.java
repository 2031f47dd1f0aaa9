package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a client is offered in each phase of a login on the shipped configuration, read as raw XML over a socket
 * (issue 26): before STARTTLS only STARTTLS, required; after TLS the login mechanisms (PLAIN only; SASL2 beside classic
 * SASL: {@link Sasl2E2eIT}); after a classic login, binding and the session features (stream management, CSI, roster
 * versioning). Stream compression (XEP-0138, Tigase's {@code zlib} processor, on by default before and after TLS) is
 * offered in no phase, and a client asking for it anyway is not compressed (docs/operators-guide.md, "Stream
 * compression").
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
}
