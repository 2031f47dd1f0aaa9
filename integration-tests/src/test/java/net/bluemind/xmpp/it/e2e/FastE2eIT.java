package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * FAST (XEP-0484) on the shipped configuration (issue 26), raw XML then xmpp.js 0.14: SASL2 offers
 * {@code <fast><mechanism>HT-SHA-256-NONE</mechanism></fast>} inline and never lists the mechanism; a password login
 * with {@code <request-token/>} gets a token; a FAST login with it does not reach bm-core (the simulator's request
 * counter), proves the server with HMAC(token, "Responder"), and binds; replays, wrong tokens, another user-agent id,
 * classic SASL are refused; renewal, invalidation; a {@code user.password.changed} on the bus revokes the tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FastE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String SASL2 = "urn:xmpp:sasl:2";
    static final String FAST = "urn:xmpp:fast:0";
    static final String HT = "HT-SHA-256-NONE";
    /** The raw clients' own source address: the failures this class provokes count for it, not for 127.0.0.1. */
    private static final String CLIENT_IP = "127.0.0.26";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private E2eStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    private String user(String name) {
        String email = "fast-" + name + "-" + RUN + "@" + DOMAIN;
        stack.core.addUser(email, name + "-pw", "hasIM");
        return email;
    }

    @Test
    void fastIsOfferedInlineAndItsMechanismIsNeverListed() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN, CLIENT_IP)) {
            String features = s.open(DOMAIN);
            String inline = between(features, "<inline>", "</inline>");
            System.out.println("SASL2 inline: " + inline);
            assertThat(inline).contains("<fast xmlns=\"" + FAST + "\"><mechanism>" + HT + "</mechanism></fast>");
            assertThat(StreamFeaturesE2eIT.mechanisms(features, SASL2)).isEqualTo("PLAIN");
            assertThat(StreamFeaturesE2eIT.mechanisms(features, "urn:ietf:params:xml:ns:xmpp-sasl")).isEqualTo("PLAIN");
        }
        // classic SASL with the FAST mechanism: refused (no <fast/> there)
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN, CLIENT_IP)) {
            s.open(DOMAIN);
            s.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='" + HT + "'>"
                    + htResponse("nobody@" + DOMAIN, "x") + "</auth>");
            String failure = s.readElement("success", "failure");
            System.out.println("classic SASL with " + HT + ": " + failure);
            assertThat(failure).startsWith("<failure").contains("<not-authorized");
        }
    }

    @Test
    void aTokenFromAPasswordLoginLogsInWithoutBmCoreUntilBlueMindRevokesIt() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String email = user("phone");
        String agent = UUID.randomUUID().toString();
        long validations = stack.core.requests("/api/auth/validate");
        String token;
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN, CLIENT_IP)) {
            s.open(DOMAIN);
            s.send(passwordLogin(email, "phone-pw", agent, "<request-token xmlns='" + FAST + "' mechanism='" + HT + "'/>"));
            String success = s.readElement("success", "failure");
            assertThat(success).startsWith("<success");
            System.out.println("password login, token requested: " + success.replaceAll("token=\"[^\"]*\"", "token=\"(redacted)\""));
            token = attribute(success, "token", "token");
            Instant expiry = Instant.parse(attribute(success, "token", "expiry"));
            assertThat(Duration.between(Instant.now(), expiry)).isBetween(Duration.ofDays(13), Duration.ofDays(14));
            assertThat(stack.core.requests("/api/auth/validate")).isEqualTo(validations + 1);
        }

        long api = stack.core.requests("/api/");
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN, CLIENT_IP)) {
            s.open(DOMAIN);
            s.send(fastLogin(email, token, agent, "count='1'", "<bind xmlns='urn:xmpp:bind:0'><tag>Conv</tag></bind>"));
            String success = s.readElement("success", "failure");
            long asked = stack.core.requests("/api/") - api;
            System.out.println("FAST login: " + success + "; bm-core requests during it: " + asked);
            assertThat(success).startsWith("<success");
            assertThat(asked).as("bm-core requests during a FAST login").isZero();
            assertThat(between(success, "<authorization-identifier>", "</authorization-identifier>")).startsWith(email + "/Conv/");
            assertThat(between(success, "<additional-data>", "</additional-data>")).as("HMAC(token, Responder)")
                    .isEqualTo(Base64.getEncoder().encodeToString(hmac(token, "Responder")));
            assertThat(success).doesNotContain("<token"); // no renewal asked, the token is fresh
            s.features();
            s.send("<iq type='get' id='roster-1'><query xmlns='jabber:iq:roster'/></iq>");
            assertThat(s.readUntil("</iq>")).contains("id=\"roster-1\"").contains("type=\"result\"");
        }

        // the same count again: a replay
        assertThat(fastFailure(email, token, agent, "count='1'")).contains("<not-authorized").contains("Invalid or expired token");
        Thread.sleep(1500); // the throttle's cool-down after a counted failure
        // the token with another user-agent id
        assertThat(fastFailure(email, token, UUID.randomUUID().toString(), "count='2'")).contains("<not-authorized");
        Thread.sleep(3000);

        // a wrong token counts as a wrong password: the right password at once is refused unchecked
        assertThat(fastFailure(email, "not-the-token", agent, "count='3'")).contains("<not-authorized");
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN, CLIENT_IP)) {
            s.open(DOMAIN);
            s.send(passwordLogin(email, "phone-pw", agent, ""));
            assertThat(s.readElement("success", "failure")).contains("Login attempted too soon after a failure");
        }
        Thread.sleep(5000);

        // renewal on request: a new token; the old one still works until the new one is used
        String renewed;
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN, CLIENT_IP)) {
            s.open(DOMAIN);
            s.send(fastLogin(email, token, agent, "count='4'", "<request-token xmlns='" + FAST + "' mechanism='" + HT + "'/>"));
            String success = s.readElement("success", "failure");
            assertThat(success).startsWith("<success");
            renewed = attribute(success, "token", "token");
            assertThat(renewed).isNotEqualTo(token);
        }
        assertThat(fastSuccess(email, token, agent, "count='5'")).as("the old token before the new one is used").startsWith("<success");
        assertThat(fastSuccess(email, renewed, agent, "count='6'")).as("the new token").startsWith("<success");
        assertThat(fastFailure(email, token, agent, "count='7'")).as("the old token once the new one was used").contains("<not-authorized");
        Thread.sleep(1500);

        // BlueMind changes the password: the bus event revokes the tokens on every node
        api = stack.core.requests("/api/");
        stack.publish(BusPublisher.DIRECTORY, "user.password.changed", Map.of("domain", DOMAIN, "uid", stack.core.user(email).uid()));
        Thread.sleep(1000);
        String revoked = fastFailure(email, renewed, agent, "count='8'");
        System.out.println("FAST login after user.password.changed: " + revoked);
        assertThat(revoked).contains("<not-authorized").contains("Invalid or expired token");
        assertThat(stack.core.requests("/api/") - api).as("bm-core requests during the refused FAST login").isZero();
        // a genuine revoked token does not count as a guess: the password fallback goes through at once
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN, CLIENT_IP)) {
            s.open(DOMAIN);
            s.send(passwordLogin(email, "phone-pw", agent, "<request-token xmlns='" + FAST + "' mechanism='" + HT + "'/>"));
            String success = s.readElement("success", "failure");
            assertThat(success).startsWith("<success").contains("<token");
            token = attribute(success, "token", "token");
        }
        // invalidation: accepted once, then gone
        assertThat(fastSuccess(email, token, agent, "count='1' invalidate='true'")).startsWith("<success");
        assertThat(fastFailure(email, token, agent, "count='2'")).contains("<not-authorized");
    }

    @Test
    void xmppJsGetsATokenLogsInWithItWithoutBmCoreAndFallsBackToItsPasswordOnceRevoked() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String email = user("xmppjs");
        String agent = UUID.randomUUID().toString();
        long validations = stack.core.requests("/api/auth/validate");
        Path go = Files.createTempDirectory("xmppjs-fast-go").resolve("go"); // the script waits for it
        XmppJsRun js = XmppJsRun.start(stack, "fast_login.mjs", XmppJsRun.input()
                .put("username", email.substring(0, email.indexOf('@'))).put("password", "xmppjs-pw")
                .put("agent", agent).put("tag", "xmppjs").put("goFile", go.toString()));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!js.output().contains("BMX-WAITING") && System.nanoTime() < deadline && js.process.isAlive()) {
            Thread.sleep(100);
        }
        long afterTwoLogins = stack.core.requests("/api/auth/validate");
        stack.publish(BusPublisher.DIRECTORY, "user.password.changed", Map.of("domain", DOMAIN, "uid", stack.core.user(email).uid()));
        Thread.sleep(1000);
        Files.writeString(go, "go");
        JsonNode r = js.result();
        long afterAll = stack.core.requests("/api/auth/validate");
        System.out.println("xmpp.js FAST: " + r.toPrettyString());
        System.out.println("xmpp.js FAST: auth/validate calls: " + (afterTwoLogins - validations)
                + " for the password login + the FAST login, " + (afterAll - afterTwoLogins)
                + " for the revoked FAST attempt + password fallback + the FAST login after it");
        assertThat(r.path("errors").size()).as("script errors: %s", r.path("errors")).isZero();
        List<JsonNode> logins = new ArrayList<>();
        r.path("logins").forEach(logins::add);
        assertThat(logins).hasSize(4);
        for (JsonNode login : logins) {
            assertThat(login.path("error").isMissingNode()).as("login error: %s", login.path("error")).isTrue();
            assertThat(login.path("jid").asText()).startsWith(email + "/xmppjs/");
            assertThat(login.path("roster_ok").asBoolean()).isTrue();
            assertThat(login.path("token_after").path("mechanism").asText()).isEqualTo(HT);
        }
        assertThat(mechanisms(logins.get(0))).containsExactly("PLAIN");
        assertThat(texts(logins.get(0).path("sent"))).anySatisfy(s -> assertThat(s)
                .contains("<request-token xmlns=\"" + FAST + "\" mechanism=\"" + HT + "\"/>"));
        assertThat(mechanisms(logins.get(1))).containsExactly(HT);
        assertThat(afterTwoLogins - validations).as("bm-core validations: password login, then FAST login").isEqualTo(1);
        assertThat(mechanisms(logins.get(2))).as("revoked token, then the password").containsExactly(HT, "PLAIN");
        assertThat(mechanisms(logins.get(3))).containsExactly(HT);
        assertThat(afterAll - afterTwoLogins).as("bm-core validations after the revocation: the fallback only").isEqualTo(1);
    }

    private static List<String> mechanisms(JsonNode login) {
        return texts(login.path("mechanisms"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private String fastSuccess(String email, String token, String agent, String fastAttributes) throws Exception {
        return fastAttempt(email, token, agent, fastAttributes);
    }

    private String fastFailure(String email, String token, String agent, String fastAttributes) throws Exception {
        String answer = fastAttempt(email, token, agent, fastAttributes);
        assertThat(answer).startsWith("<failure xmlns=\"" + SASL2 + "\"");
        return answer;
    }

    private static String fastAttempt(String email, String token, String agent, String fastAttributes) throws Exception {
        try (RawXmppStream s = RawXmppStream.encrypted(DOMAIN, CLIENT_IP)) {
            s.open(DOMAIN);
            s.send(fastLogin(email, token, agent, fastAttributes, ""));
            return s.readElement("success", "failure");
        }
    }

    static String passwordLogin(String email, String password, String agent, String extra) {
        return "<authenticate xmlns='" + SASL2 + "' mechanism='PLAIN'><initial-response>" + RawXmppStream.plain(email, password)
                + "</initial-response>" + userAgent(agent) + extra + "</authenticate>";
    }

    static String fastLogin(String email, String token, String agent, String fastAttributes, String extra)
            throws Exception {
        return "<authenticate xmlns='" + SASL2 + "' mechanism='" + HT + "'><initial-response>" + htResponse(email, token)
                + "</initial-response>" + userAgent(agent) + "<fast xmlns='" + FAST + "' " + fastAttributes + "/>" + extra
                + "</authenticate>";
    }

    private static String userAgent(String agent) {
        return "<user-agent id='" + agent + "'><software>bm-xmpp e2e</software><device>raw socket</device></user-agent>";
    }

    /** HT-SHA-256-NONE's initial response: login NUL HMAC-SHA-256(token, "Initiator"), base64. */
    private static String htResponse(String login, String token) throws Exception {
        byte[] name = login.getBytes(StandardCharsets.UTF_8);
        byte[] mac = hmac(token, "Initiator");
        byte[] message = new byte[name.length + 1 + mac.length];
        System.arraycopy(name, 0, message, 0, name.length);
        System.arraycopy(mac, 0, message, name.length + 1, mac.length);
        return Base64.getEncoder().encodeToString(message);
    }

    private static byte[] hmac(String token, String label) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    }

    /** An attribute of an element, whatever the order Tigase writes them in. */
    static String attribute(String xml, String element, String name) {
        Matcher m = Pattern.compile("<" + element + "\\b[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(xml);
        assertThat(m.find()).as("%s/@%s in %s", element, name, xml).isTrue();
        return m.group(1);
    }

    private static String between(String text, String start, String end) {
        Matcher m = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("%s...%s in %s", start, end, text).isTrue();
        return m.group(1);
    }
}
